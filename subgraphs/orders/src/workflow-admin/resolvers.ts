import type { Workflow } from "@dpp/tenant";
import type { OrdersContext } from "../context.ts";
import type { MigrationMove } from "./migration.ts";
import {
  applyMigration,
  currentWorkflowForService,
  isWorkflowAdminError,
  listVersions,
  type MigrationInput,
  previewMigration,
  saveWorkflow,
  validateWorkflow,
  type WorkflowDefinitionInput,
  type WorkflowVersionView,
} from "./service.ts";

const typeOf = (ok: string) => (v: unknown) => (isWorkflowAdminError(v) ? "OrderWorkflowError" : ok);

/** The tenant admin's workflow editor and version migrations (service.ts holds the rules). */
export const workflowAdminResolvers = {
  Query: {
    orderWorkflowVersions: (_: unknown, __: unknown, ctx: OrdersContext) => listVersions(ctx),
    orderWorkflowProblems: (_: unknown, args: { definition: WorkflowDefinitionInput }, ctx: OrdersContext) =>
      validateWorkflow(ctx, args.definition),
    orderWorkflowMigrationPreview: (_: unknown, args: { input: MigrationInput }, ctx: OrdersContext) =>
      previewMigration(ctx, args.input),
    currentOrderWorkflowDefinition: (_: unknown, __: unknown, ctx: OrdersContext) => currentWorkflowForService(ctx),
  },
  Mutation: {
    saveOrderWorkflow: (
      _: unknown,
      args: { input: { definition: WorkflowDefinitionInput; comment?: string | null } },
      ctx: OrdersContext,
    ) => saveWorkflow(ctx, args.input),
    applyOrderWorkflowMigration: (
      _: unknown,
      args: { input: MigrationInput & { orderIds: string[] } },
      ctx: OrdersContext,
    ) => applyMigration(ctx, args.input),
  },
  SaveOrderWorkflowResult: { __resolveType: typeOf("OrderWorkflowVersion") },
  OrderWorkflowMigrationPreviewResult: { __resolveType: typeOf("OrderWorkflowMigration") },
  ApplyOrderWorkflowMigrationResult: { __resolveType: typeOf("OrderWorkflowMigration") },
  OrderWorkflowVersion: {
    author: (v: WorkflowVersionView) => (v.authorUserId ? { __typename: "User", id: v.authorUserId } : null),
    createdAt: (v: WorkflowVersionView) => v.createdAt.toISOString(),
  },
  OrderWorkflowDefinition: {
    tabs: (wf: Workflow) =>
      wf.tabs.map((t) => ({ ...t, statusCodes: wf.statuses.filter((s) => s.tab === t.code).map((s) => s.code) })),
    managerEditEffects: (wf: Workflow) => wf.managerEdit.effects,
  },
  OrderWorkflowMigrationMove: {
    order: (m: MigrationMove, _: unknown, ctx: OrdersContext) => ctx.loaders.order.load(m.orderId),
  },
};
