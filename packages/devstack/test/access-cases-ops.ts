import type { AccessCase, Attacker, Expectation } from "./access-cases.ts";

/**
 * Cases for inventory's stock, reservations, shipments, lead times and distributor uploads, and
 * identity's webhooks (merged into CASES in access-cases.ts).
 */
const DEALERS = (e: Expectation): Partial<Record<Attacker, Expectation>> => ({
  otherTenantDealer: e,
  sameTenantDealer: e,
});
/** A company's own data: each dealer gets its own company's answer; a manager has no company. */
const DEALER_OWN: Partial<Record<Attacker, Expectation>> = { ...DEALERS("own"), otherTenantManager: "refused" };
/** A distributor's own data where the tenant keeps a distributor network (B does; A, the same tenant's other dealer's, does not). */
const DISTRIBUTOR_OWN: Partial<Record<Attacker, Expectation>> = { ...DEALER_OWN, sameTenantDealer: "refused" };
/** Staff (or service) operations: dealers are refused, B's manager works in B's tenant only. */
const STAFF_OWN: Partial<Record<Attacker, Expectation>> = { ...DEALERS("refused"), otherTenantManager: "own" };
const ACCOUNT_ERR = "... on AccountError { code message }";
const csv = (text: string) => Buffer.from(text, "utf8").toString("base64");

export const OPS_CASES: Record<string, AccessCase> = {
  // ---------- inventory: staff and services ----------
  // Dealers see their own company's shipments, staff their tenant's.
  "Query.shipments": {
    doc: "query { shipments(first: 500) { id number } }",
    expect: { ...DEALERS("own"), otherTenantManager: "own" },
  },
  "Query.shipment": {
    doc: `query { shipment(id: "shp_forged") { id number } }`,
    expect: { ...DEALERS("refused"), otherTenantManager: "refused" },
  },
  "Query.shipmentNotifications": { doc: "query { shipmentNotifications }", expect: DEALER_OWN },
  "Mutation.setShipmentNotifications": {
    doc: "mutation { setShipmentNotifications(enabled: true) }",
    expect: DEALER_OWN,
  },
  "Query.shipmentNotice": {
    doc: `query { shipmentNotice(shipmentId: "shp_forged") { number subscriberIds } }`,
    expect: { ...DEALERS("refused"), otherTenantManager: "refused" },
  },
  "Query.orderReadiness": {
    doc: "query { orderReadiness { __typename ... on OrderReadinessReport { orders { number } } } }",
    expect: DEALER_OWN,
  },
  "Query.productReadiness": {
    doc: "query { productReadiness { __typename ... on ProductReadinessReport { lines { number } } } }",
    expect: DEALER_OWN,
  },
  "Query.readinessExport": {
    doc: "query { readinessExport(report: ORDERS) { __typename } }",
    expect: DEALER_OWN,
  },
  "Mutation.setOrderLineReadiness": {
    doc: `mutation($r: [OrderLineReadinessInput!]!) { setOrderLineReadiness(rows: $r) { applied errors { code } } }`,
    vars: (fx) => ({ r: [{ orderId: fx.orderId, productId: fx.productId, status: "IN_STOCK" }] }),
    // B's manager works in B's tenant: A's order is unknown there (the row is refused).
    expect: { ...DEALERS("refused"), otherTenantManager: "own" },
  },
  "Mutation.createShipment": {
    doc: `mutation($i: CreateWaybillInput!) { createShipment(input: $i) { __typename ... on WaybillError { message } } }`,
    vars: (fx) => ({
      i: {
        number: "ТН-ЧУЖАЯ",
        date: "2026-11-23",
        lines: [{ orderId: fx.orderId, productId: fx.productId, quantity: 1 }],
      },
    }),
    // B's manager works in B's tenant only: A's order is unknown there, so the waybill is refused.
    expect: { ...DEALERS("refused"), otherTenantManager: "refused" },
  },
  "Mutation.setStockLevels": {
    doc: `mutation($r: [StockLevelUpdateInput!]!) { setStockLevels(rows: $r) { applied changed } }`,
    vars: (fx) => ({ r: [{ warehouseCode: "MSK", article: fx.productArticle, quantity: 0 }] }),
    expect: STAFF_OWN,
  },
  "Query.reservation": {
    doc: "query($o: ID!) { reservation(orderId: $o) { __typename } }",
    vars: (fx) => ({ o: fx.orderId }),
    expect: "refused",
  },
  // Services only: every user is refused.
  "Mutation.reserveOrderStock": {
    doc: `mutation($i: ReserveOrderStockInput!) { reserveOrderStock(input: $i) { __typename } }`,
    vars: (fx) => ({ i: { orderId: fx.orderId, lines: [{ productId: fx.productId, quantity: 1 }] } }),
    expect: "refused",
  },
  "Mutation.releaseOrderStock": {
    doc: "mutation($o: ID!) { releaseOrderStock(orderId: $o) }",
    vars: (fx) => ({ o: fx.orderId }),
    expect: "refused",
  },
  "Mutation.expireReservation": {
    doc: "mutation($o: ID!) { expireReservation(orderId: $o) }",
    vars: (fx) => ({ o: fx.orderId }),
    expect: "refused",
  },
  "Mutation.claimRestockSubscribers": {
    doc: `mutation($p: ID!) { claimRestockSubscribers(productId: $p, eventId: "evt_forged") }`,
    vars: (fx) => ({ p: fx.productId }),
    expect: "refused",
  },
  // ---------- inventory: any member ----------
  "Query.leadTimesAvailable": {
    doc: "query { leadTimesAvailable }",
    expect: { otherTenantDealer: "own", sameTenantDealer: "public", otherTenantManager: "own" },
  },
  "Query.leadTimes": {
    doc: "query($l: [LeadTimeRequestInput!]!) { leadTimes(lines: $l) { __typename } }",
    vars: (fx) => ({ l: [{ productId: fx.productId, quantity: 1 }] }),
    // Tenant B does not know A's product. (A's tenant keeps no lead times: its members get NOT_AVAILABLE.)
    expect: { otherTenantDealer: "refused", otherTenantManager: "refused" },
  },
  "Mutation.subscribeToRestock": {
    doc: "mutation($p: ID!) { subscribeToRestock(productId: $p) }",
    vars: (fx) => ({ p: fx.productId }),
    // The caller's own subscription in its own tenant; A's product is unknown in B's catalog.
    expect: { otherTenantDealer: "refused", sameTenantDealer: "own" },
  },
  "Mutation.unsubscribeFromRestock": {
    doc: "mutation($p: ID!) { unsubscribeFromRestock(productId: $p) }",
    vars: (fx) => ({ p: fx.productId }),
    expect: { otherTenantDealer: "own", sameTenantDealer: "own" },
  },
  // ---------- inventory: a distributor's own warehouses and stock ----------
  "Query.distributorWarehouses": { doc: "query { distributorWarehouses { id code } }", expect: DISTRIBUTOR_OWN },
  "Query.distributorStockExport": { doc: "query { distributorStockExport { fileName } }", expect: DISTRIBUTOR_OWN },
  "Mutation.saveDistributorWarehouses": {
    doc: `mutation { saveDistributorWarehouses(rows: [{ code: "ЧУЖ", name: "Чужой", address: "Москва", contacts: "+7 495 000-00-00" }]) { applied saved } }`,
    expect: DISTRIBUTOR_OWN,
  },
  "Mutation.importDistributorWarehouses": {
    doc: "mutation($f: UploadedFileInput!) { importDistributorWarehouses(file: $f) { applied saved } }",
    vars: () => ({
      f: {
        fileName: "склады.csv",
        contentBase64: csv("code;name;address;contacts\nЧУЖ;Чужой;Москва;+7 495 000-00-00\n"),
      },
    }),
    expect: DISTRIBUTOR_OWN,
  },
  "Mutation.setDistributorStock": {
    doc: `mutation($r: [DistributorStockRowInput!]!) { setDistributorStock(rows: $r) { applied changed } }`,
    vars: (fx) => ({ r: [{ warehouseCode: "ЧУЖ", article: fx.productArticle, quantity: 1 }] }),
    expect: DISTRIBUTOR_OWN,
  },
  "Mutation.uploadDistributorStock": {
    doc: "mutation($f: UploadedFileInput!) { uploadDistributorStock(file: $f) { applied changed } }",
    vars: (fx) => ({
      f: { fileName: "остатки.csv", contentBase64: csv(`warehouse;article;quantity\nЧУЖ;${fx.productArticle};1\n`) },
    }),
    expect: DISTRIBUTOR_OWN,
  },
  "Mutation.deleteDistributorStock": { doc: "mutation { deleteDistributorStock }", expect: DISTRIBUTOR_OWN },
  // ---------- identity: webhooks of a company ----------
  "Query.webhookTopics": { doc: "query { webhookTopics { code } }", expect: "public" },
  "Query.webhookSubscriptions": { doc: "query { webhookSubscriptions { id url } }", expect: DEALER_OWN },
  "Query.webhookDeliveries": {
    doc: "query($s: ID) { webhookDeliveries(subscriptionId: $s) { id } }",
    vars: (fx) => ({ s: fx.webhookSubscriptionId }),
    // Filtered to the caller's company: A's subscription yields nothing.
    expect: DEALER_OWN,
  },
  "Mutation.createWebhookSubscription": {
    doc: `mutation { createWebhookSubscription(input: { url: "https://attacker.example.com/hook", topics: ["order.status_changed"], active: false }) { __typename ${ACCOUNT_ERR} } }`,
    expect: DEALER_OWN,
  },
  "Mutation.updateWebhookSubscription": {
    doc: `mutation($i: UpdateWebhookSubscriptionInput!) { updateWebhookSubscription(input: $i) { __typename ${ACCOUNT_ERR} } }`,
    vars: (fx) => ({ i: { id: fx.webhookSubscriptionId, url: "https://attacker.example.com/steal", active: true } }),
    expect: "refused",
  },
  "Mutation.deleteWebhookSubscription": {
    doc: `mutation($id: ID!) { deleteWebhookSubscription(id: $id) { __typename ${ACCOUNT_ERR} } }`,
    vars: (fx) => ({ id: fx.webhookSubscriptionId }),
    expect: "refused",
  },
  "Mutation.redeliverWebhook": {
    doc: `mutation { redeliverWebhook(deliveryId: "whd_forged") { __typename ${ACCOUNT_ERR} } }`,
    expect: "refused",
  },
};
