import type { AccessCase, Attacker, Expectation } from "./access-cases.ts";

/**
 * Cases for the tenant admin's workflow editor in orders (merged into CASES in access-cases.ts):
 * only a tenant administrator reads versions, checks, saves or moves orders; dealers and another
 * tenant's manager are refused.
 */
const ADMIN_ONLY: Partial<Record<Attacker, Expectation>> = {
  otherTenantDealer: "refused",
  sameTenantDealer: "refused",
  otherTenantManager: "refused",
};
const definition = {
  statuses: [
    {
      code: "new",
      label: "Новый",
      labelEn: "New",
      category: "active",
      color: "#0275d8",
      editableBy: [],
      tab: "orders",
    },
    {
      code: "done",
      label: "Готов",
      labelEn: "Done",
      category: "done",
      color: "#2e7d32",
      editableBy: [],
      tab: "orders",
    },
  ],
  initial: "new",
  tabs: [{ code: "orders", label: "Заказы", labelEn: "Orders", kind: "statuses" }],
  transitions: [
    { from: "new", to: "done", by: ["manager"], label: "Готово", labelEn: "Done", guards: [], effects: [], on: null },
  ],
  managerPool: false,
  managerEditEffects: [],
};

export const WORKFLOW_ADMIN_CASES: Record<string, AccessCase> = {
  "Query.orderWorkflowVersions": { doc: "query { orderWorkflowVersions { version } }", expect: ADMIN_ONLY },
  "Query.orderWorkflowProblems": {
    doc: "query($d: OrderWorkflowDefinitionInput!) { orderWorkflowProblems(definition: $d) { code } }",
    vars: () => ({ d: definition }),
    expect: ADMIN_ONLY,
  },
  "Query.orderWorkflowMigrationPreview": {
    doc: "query { orderWorkflowMigrationPreview(input: { toVersion: 1 }) { __typename } }",
    expect: ADMIN_ONLY,
  },
  "Mutation.saveOrderWorkflow": {
    doc: "mutation($d: OrderWorkflowDefinitionInput!) { saveOrderWorkflow(input: { definition: $d }) { __typename } }",
    vars: () => ({ d: definition }),
    expect: ADMIN_ONLY,
  },
  "Mutation.applyOrderWorkflowMigration": {
    doc: "mutation($o: [ID!]!) { applyOrderWorkflowMigration(input: { toVersion: 1, orderIds: $o }) { __typename } }",
    vars: (fx) => ({ o: [fx.orderId] }),
    expect: ADMIN_ONLY,
  },
};
