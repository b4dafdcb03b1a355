import { gql } from "@urql/core";

/** The tenant admin's workflow editor: versions, problems, saving, moving in-flight orders. */
export interface WorkflowStatusDef {
  code: string;
  label: string;
  labelEn: string;
  category: string;
  color: string;
  editableBy: string[];
  tab: string;
}
export interface WorkflowTabDef {
  code: string;
  label: string;
  labelEn: string;
  kind: string;
}
export interface WorkflowTransitionDef {
  from: string;
  to: string;
  by: string[];
  label: string;
  labelEn: string;
  guards: string[];
  effects: string[];
  on: string | null;
}
/** OrderWorkflowDefinition / OrderWorkflowDefinitionInput: one shape both ways. */
export interface WorkflowDef {
  statuses: WorkflowStatusDef[];
  initial: string;
  tabs: WorkflowTabDef[];
  transitions: WorkflowTransitionDef[];
  managerPool: boolean;
  managerEditEffects: string[];
}
export interface WorkflowProblem {
  code: string;
  message: string;
  status: string | null;
  statusIndex: number | null;
  transitionIndex: number | null;
  tabIndex: number | null;
  field: string | null;
}
export interface WorkflowVersion {
  version: number;
  current: boolean;
  createdAt: string;
  comment: string | null;
  inFlightOrders: number;
  author: { id: string; fullName: string } | null;
  definition: WorkflowDef;
}

const DEFINITION = `
  statuses { code label labelEn category color editableBy tab }
  initial
  tabs { code label labelEn kind }
  transitions { from to by label labelEn guards effects on }
  managerPool
  managerEditEffects
`;
const PROBLEM = "code message status statusIndex transitionIndex tabIndex field";

export const WorkflowVersionsQuery = gql<{ orderWorkflowVersions: WorkflowVersion[] }, Record<string, never>>(`
  query PortalWorkflowVersions {
    orderWorkflowVersions {
      version current createdAt comment inFlightOrders
      author { id fullName }
      definition {${DEFINITION}}
    }
  }
`);

export const WorkflowProblemsQuery = gql<{ orderWorkflowProblems: WorkflowProblem[] }, { definition: WorkflowDef }>(`
  query PortalWorkflowProblems($definition: OrderWorkflowDefinitionInput!) {
    orderWorkflowProblems(definition: $definition) { ${PROBLEM} }
  }
`);

export type SaveWorkflowResult =
  | { __typename: "OrderWorkflowVersion"; version: number }
  | { __typename: "OrderWorkflowError"; code: string; message: string; problems: WorkflowProblem[] };

export const SaveWorkflowMutation = gql<
  { saveOrderWorkflow: SaveWorkflowResult },
  { input: { definition: WorkflowDef; comment: string | null } }
>(`
  mutation PortalSaveWorkflow($input: SaveOrderWorkflowInput!) {
    saveOrderWorkflow(input: $input) {
      __typename
      ... on OrderWorkflowVersion { version }
      ... on OrderWorkflowError { code message problems { ${PROBLEM} } }
    }
  }
`);

interface StatusView {
  code: string;
  label: string;
  color: string;
}
export interface MigrationMove {
  fromVersion: number;
  mapped: boolean;
  from: StatusView;
  to: StatusView | null;
  order: { id: string; number: string; company: { name: string } | null };
}
export interface Migration {
  __typename: "OrderWorkflowMigration";
  toVersion: number;
  ready: boolean;
  unmapped: StatusView[];
  problems: { code: string; message: string; from: string }[];
  moves: MigrationMove[];
}
type MigrationError = { __typename: "OrderWorkflowError"; code: string; message: string };
export type Mapping = { from: string; to: string };

const MIGRATION = `
  __typename
  ... on OrderWorkflowMigration {
    toVersion ready
    unmapped { code label color }
    problems { code message from }
    moves { fromVersion mapped from { code label color } to { code label color } order { id number company { name } } }
  }
  ... on OrderWorkflowError { code message }
`;

export const WorkflowMigrationPreviewQuery = gql<
  { orderWorkflowMigrationPreview: Migration | MigrationError },
  { input: { toVersion: number; mappings: Mapping[] } }
>(`
  query PortalWorkflowMigrationPreview($input: OrderWorkflowMigrationInput!) {
    orderWorkflowMigrationPreview(input: $input) {${MIGRATION}}
  }
`);

export const ApplyWorkflowMigrationMutation = gql<
  { applyOrderWorkflowMigration: Migration | MigrationError },
  { input: { toVersion: number; mappings: Mapping[]; orderIds: string[] } }
>(`
  mutation PortalApplyWorkflowMigration($input: ApplyOrderWorkflowMigrationInput!) {
    applyOrderWorkflowMigration(input: $input) {${MIGRATION}}
  }
`);
