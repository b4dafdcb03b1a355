import type { AccessCase, Attacker, Expectation } from "./access-cases.ts";

/**
 * Cases for the orders subgraph's drafts, lists, workflow, manager desk and line import (merged
 * into CASES in access-cases.ts). A's draft and submitted order are the targets: dealers act only
 * within their own company, managers only within their own tenant, events come from services.
 */
const DEALERS = (e: Expectation): Partial<Record<Attacker, Expectation>> => ({
  otherTenantDealer: e,
  sameTenantDealer: e,
});
/** A dealer-only query: each dealer gets its own company's answer; a manager has no company. */
const DEALER_OWN: Partial<Record<Attacker, Expectation>> = { ...DEALERS("own"), otherTenantManager: "refused" };
const ORDER_ERR = "... on OrderError { code message }";
const PASTE = (article: string) => `${article}\t1`;

export const ORDER_CASES: Record<string, AccessCase> = {
  "Query.orderList": { doc: "query { orderList(filter: { first: 100 }) { __typename } }", expect: DEALER_OWN },
  "Query.orderTabCounts": { doc: "query { orderTabCounts { __typename } }", expect: DEALER_OWN },
  "Query.activeDraft": { doc: "query { activeDraft { id name } }", expect: DEALER_OWN },
  "Query.orderWorkflow": {
    doc: "query { orderWorkflow { __typename } }",
    // The tenant's workflow: the same for every member of A's tenant, B's own for B.
    expect: { otherTenantDealer: "own", sameTenantDealer: "public", otherTenantManager: "own" },
  },
  "Query.managerOrders": {
    doc: "query { managerOrders(view: ALL, first: 200) { id number } }",
    expect: { ...DEALERS("refused"), otherTenantManager: "own" },
  },
  "Query.orderImportSample": { doc: "query { orderImportSample { filename } }", expect: DEALER_OWN },
  // ---------- checkout ----------
  "Query.checkoutForm": {
    doc: "query { checkoutForm { fields { key options { code label } } defaultCounterpartyId savedAddresses { id address } } }",
    expect: DEALER_OWN,
  },
  "Query.deliveryAddresses": { doc: "query { deliveryAddresses { id address } }", expect: DEALER_OWN },
  "Query.draftSwitcher": {
    doc: "query { draftSwitcher { multipleDrafts active { id name } drafts { id name } } }",
    expect: DEALER_OWN,
  },
  "Mutation.updateDraftCheckout": {
    doc: `mutation($o: ID!) { updateDraftCheckout(orderId: $o, checkout: { consignee: "forged" }) { __typename ${ORDER_ERR} } }`,
    vars: (fx) => ({ o: fx.draftId }),
    expect: DEALERS("refused"),
  },
  "Mutation.deleteDeliveryAddress": {
    doc: "mutation($id: ID!) { deleteDeliveryAddress(id: $id) }",
    vars: (fx) => ({ id: `ten_${fx.tenantSlug}.adr_01forged` }),
    expect: "refused",
  },
  "Query.orderImportPreview": {
    doc: `query($i: OrderImportInput!) { orderImportPreview(input: $i) { __typename ${ORDER_ERR} } }`,
    vars: (fx) => ({ i: { orderId: fx.draftId, paste: PASTE(fx.productArticle) } }),
    expect: "refused",
  },
  "Mutation.importOrderLines": {
    doc: `mutation($i: OrderImportInput!) { importOrderLines(input: $i) { __typename ${ORDER_ERR} } }`,
    vars: (fx) => ({ i: { orderId: fx.draftId, paste: PASTE(fx.productArticle) } }),
    expect: "refused",
  },
  "Mutation.renameDraft": {
    doc: `mutation($o: ID!) { renameDraft(orderId: $o, name: "захвачен") { __typename ${ORDER_ERR} } }`,
    vars: (fx) => ({ o: fx.draftId }),
    expect: "refused",
  },
  "Mutation.deleteDraft": {
    doc: `mutation($o: ID!) { deleteDraft(orderId: $o) { __typename ${ORDER_ERR} } }`,
    vars: (fx) => ({ o: fx.draftId }),
    expect: "refused",
  },
  "Mutation.setActiveDraft": {
    doc: `mutation($o: ID!) { setActiveDraft(orderId: $o) { __typename ${ORDER_ERR} } }`,
    vars: (fx) => ({ o: fx.draftId }),
    expect: "refused",
  },
  "Mutation.copyOrderToDraft": {
    doc: `mutation($o: ID!) { copyOrderToDraft(orderId: $o, name: "копия") { __typename ${ORDER_ERR} } }`,
    vars: (fx) => ({ o: fx.orderId }),
    expect: "refused",
  },
  "Mutation.trackOrder": {
    doc: `mutation($o: ID!) { trackOrder(orderId: $o, tracked: true) { __typename ${ORDER_ERR} } }`,
    vars: (fx) => ({ o: fx.orderId }),
    expect: "refused",
  },
  "Mutation.fireOrderTransition": {
    doc: `mutation($o: ID!) { fireOrderTransition(orderId: $o, to: "cancelled") { __typename ${ORDER_ERR} } }`,
    vars: (fx) => ({ o: fx.orderId }),
    expect: "refused",
  },
  "Mutation.cancelOrder": {
    doc: `mutation($o: ID!) { cancelOrder(orderId: $o, reason: "чужая отмена") { __typename ${ORDER_ERR} } }`,
    vars: (fx) => ({ o: fx.orderId }),
    expect: "refused",
  },
  "Mutation.addOrderComment": {
    doc: `mutation($o: ID!) { addOrderComment(orderId: $o, body: "чужой комментарий") { __typename ${ORDER_ERR} } }`,
    vars: (fx) => ({ o: fx.orderId }),
    expect: "refused",
  },
  // Staff only: dealers are refused, B's manager does not find A's order in B's tenant.
  "Mutation.takeOrder": {
    doc: `mutation($o: ID!) { takeOrder(orderId: $o) { __typename ${ORDER_ERR} } }`,
    vars: (fx) => ({ o: fx.orderId }),
    expect: "refused",
  },
  "Mutation.setOrderErpNumber": {
    doc: `mutation($o: ID!) { setOrderErpNumber(orderId: $o, erpNumber: "ERP-X") { __typename ${ORDER_ERR} } }`,
    vars: (fx) => ({ o: fx.orderId }),
    expect: "refused",
  },
  // Services only (inventory, finance, ERP connectors): every user is refused.
  "Mutation.applyOrderEvent": {
    doc: `mutation($o: ID!) { applyOrderEvent(orderId: $o, event: "shipped") { __typename ${ORDER_ERR} } }`,
    vars: (fx) => ({ o: fx.orderId }),
    expect: "refused",
  },
};
