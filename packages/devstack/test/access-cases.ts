/**
 * The cross-tenant and cross-dealer case table: one entry per root field of the supergraph
 * (`Query.x`, `Mutation.y`). access-matrix.test.ts fails, naming the field, when a root field has
 * no entry here. Adding a root field? Add its case: an operation aimed at dealer A's data (the
 * fixture `fx` holds A's ids) and what an attacker must get.
 *
 *  - "refused": an error (FORBIDDEN, UNAUTHENTICATED, NOT_FOUND, BAD_USER_INPUT…), a typed error
 *    (`__typename` ending in Error), null or false;
 *  - "own": an answer about the attacker's own tenant/company, which must not mention A's data;
 *  - "public": the same answer for everyone by design (tenants list, rights, the no-enumeration
 *    "accepted" of recovery); still checked for A's data.
 *
 * Every case is also checked against A's secrets (ids, names, e-mails in the response) and, after
 * all cases ran, A's state is compared with its snapshot: nothing of A's may change.
 */

import { ADMIN_CASES } from "./access-cases-admin.ts";
import { CONTENT_CASES } from "./access-cases-content.ts";
import { OPS_CASES } from "./access-cases-ops.ts";
import { ORDER_CASES } from "./access-cases-orders.ts";
import { WORKFLOW_ADMIN_CASES } from "./access-cases-workflow.ts";

export type Attacker = "otherTenantDealer" | "sameTenantDealer" | "otherTenantManager";
export type Expectation = "refused" | "own" | "public";

/** Dealer A's data (tenant wasserkraft), prepared through the gateway before the cases run. */
export interface Fixture {
  tenantSlug: string;
  companyId: string;
  counterpartyId: string;
  dealerEmail: string;
  dealerMembershipId: string;
  productId: string;
  productArticle: string;
  draftId: string;
  draftLineId: string;
  orderId: string;
  orderNumber: string;
  apiKeyId: string;
  /** A's webhook subscription (inactive). */
  webhookSubscriptionId: string;
  contractId: string | null;
  contractNumber: string | null;
  /** The attacker's own refresh token (selectCounterparty needs one). */
  attackerRefreshToken: string;
  /** The attacking manager's user id (assignManager). */
  attackerUserId: string;
}

export interface AccessCase {
  doc: string;
  vars?: (fx: Fixture) => Record<string, unknown>;
  /** One expectation for every attacker, or one per attacker (missing attackers are not run). */
  expect: Expectation | Partial<Record<Attacker, Expectation>>;
}

const DEALERS = (e: Expectation): Partial<Record<Attacker, Expectation>> => ({
  otherTenantDealer: e,
  sameTenantDealer: e,
});
/** Staff-only operations: dealers are refused, and so is another tenant's manager. */
const STAFF_ONLY: Partial<Record<Attacker, Expectation>> = {
  otherTenantDealer: "refused",
  sameTenantDealer: "refused",
  otherTenantManager: "refused",
};

const USER_ERR = "... on UserError { code message }";
const forged = (fx: Fixture, kind: string) =>
  `ten_${fx.tenantSlug}.${kind}_01forged.AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA`;

export const CASES: Record<string, AccessCase> = {
  // ---------- catalog ----------
  "Query.products": { doc: "query { products(first: 50) { nodes { id article } } }", expect: "own" },
  "Query.catalogSearch": {
    doc: "query($q: String!) { catalogSearch(query: $q, first: 50) { __typename } }",
    vars: (fx) => ({ q: fx.productArticle }),
    expect: "own",
  },
  "Query.productsByArticles": {
    doc: "query($a: [String!]!) { productsByArticles(articles: $a) { id } }",
    vars: (fx) => ({ a: [fx.productArticle] }),
    expect: { otherTenantDealer: "own", sameTenantDealer: "public" },
  },
  "Query.catalogNavigation": { doc: "query { catalogNavigation { __typename } }", expect: DEALERS("own") },
  "Query.myDiscounts": { doc: "query { myDiscounts { __typename } }", expect: DEALERS("own") },
  "Query.product": {
    doc: "query($id: ID!) { product(id: $id) { id } }",
    vars: (fx) => ({ id: fx.productId }),
    expect: { otherTenantDealer: "refused", sameTenantDealer: "public" },
  },
  "Query.productByArticle": {
    doc: "query($a: String!) { productByArticle(article: $a) { id } }",
    vars: (fx) => ({ a: fx.productArticle }),
    expect: { otherTenantDealer: "refused", sameTenantDealer: "public" },
  },
  "Mutation.importProducts": {
    doc: "mutation { importProducts(input: { rows: [] }) { __typename } }",
    expect: DEALERS("refused"),
  },
  "Mutation.importDiscounts": {
    doc: "mutation { importDiscounts(input: { rows: [] }) { __typename } }",
    expect: DEALERS("refused"),
  },
  "Query.nomenclatureFile": {
    doc: "query { nomenclatureFile { rows } }",
    expect: { otherTenantDealer: "own", sameTenantDealer: "public" },
  },
  "Query.promotions": { doc: "query { promotions { id title } }", expect: "own" },
  "Mutation.savePromotion": {
    doc: `mutation { savePromotion(input: { title: "x", text: "x", audience: ALL, validFrom: "2026-01-01" }) { __typename ${USER_ERR} } }`,
    // Another tenant's manager may create one, in their own tenant.
    expect: { otherTenantDealer: "refused", sameTenantDealer: "refused", otherTenantManager: "own" },
  },
  "Mutation.deletePromotion": {
    doc: 'mutation { deletePromotion(id: "prm_wasserkraft_1") }',
    expect: STAFF_ONLY,
  },
  // ---------- inventory ----------
  "Query.warehouses": {
    doc: "query { warehouses { id } }",
    expect: { otherTenantDealer: "own", sameTenantDealer: "public" },
  },
  // ---------- finance ----------
  "Query.documentTypes": { doc: "query { documentTypes { __typename } }", expect: DEALERS("own") },
  "Query.documentFile": {
    doc: "query($t: String!) { documentFile(token: $t) { __typename } }",
    vars: (fx) => ({ t: forged(fx, "doc") }),
    expect: DEALERS("refused"),
  },
  "Query.finance": { doc: "query { finance { __typename } }", expect: DEALERS("own") },
  "Query.companyContracts": {
    doc: "query($c: ID!) { companyContracts(companyId: $c) { id number } }",
    vars: (fx) => ({ c: fx.companyId }),
    // Staff and services: another tenant's manager finds no contract of A's company (its own tenant's, none).
    expect: { otherTenantDealer: "refused", sameTenantDealer: "refused", otherTenantManager: "own" },
  },
  "Query.creditStatus": {
    doc: "query($c: ID!) { creditStatus(companyId: $c) { __typename } }",
    vars: (fx) => ({ c: fx.companyId }),
    expect: DEALERS("refused"),
  },
  "Query.orderPaid": {
    doc: "query($o: ID!) { orderPaid(orderId: $o) }",
    vars: (fx) => ({ o: fx.orderId }),
    // Staff and services only; another tenant's manager finds no invoice of A's order (false).
    expect: STAFF_ONLY,
  },
  "Query.bonusAccount": { doc: "query { bonusAccount { __typename } }", expect: DEALERS("own") },
  "Mutation.requestReconciliationAct": {
    doc: `mutation($c: ID) { requestReconciliationAct(contractId: $c) { __typename ${USER_ERR} } }`,
    vars: (fx) => ({ c: fx.contractId ?? "ctr_forged" }),
    expect: DEALERS("refused"),
  },
  "Mutation.recordPayment": {
    doc: `mutation($i: RecordPaymentInput!) { recordPayment(input: $i) { __typename } }`,
    vars: (fx) => ({
      i: {
        externalId: "x-1",
        contractNumber: fx.contractNumber ?? "X",
        documentNumber: "1",
        paidOn: "2026-01-01",
        amount: 100,
      },
    }),
    expect: DEALERS("refused"),
  },
  "Mutation.postShipment": {
    doc: `mutation($i: PostShipmentInput!) { postShipment(input: $i) { __typename } }`,
    vars: (fx) => ({
      i: {
        externalId: "x-2",
        contractNumber: fx.contractNumber ?? "X",
        number: "1",
        shippedOn: "2026-01-01",
        amount: 1,
      },
    }),
    expect: DEALERS("refused"),
  },
  "Mutation.postInvoice": {
    doc: `mutation($i: PostInvoiceInput!) { postInvoice(input: $i) { __typename } }`,
    vars: (fx) => ({
      i: {
        externalId: "x-3",
        contractNumber: fx.contractNumber ?? "X",
        number: "1",
        issuedOn: "2026-01-01",
        dueOn: "2026-02-01",
        amount: 1,
        vat: 0,
      },
    }),
    expect: DEALERS("refused"),
  },
  "Mutation.setDocumentNumber": {
    doc: `mutation($i: SetDocumentNumberInput!) { setDocumentNumber(input: $i) { __typename } }`,
    vars: (fx) => ({
      i: { externalId: "x-4", orderId: fx.orderId, typeCode: "invoice", number: "1", issuedOn: "2026-01-01" },
    }),
    expect: DEALERS("refused"),
  },
  "Mutation.recordOrderEvent": {
    doc: `mutation($i: OrderFinanceEventInput!) { recordOrderEvent(input: $i, submitted: true) { __typename } }`,
    vars: (fx) => ({
      i: {
        orderId: fx.orderId,
        number: fx.orderNumber,
        companyId: fx.companyId,
        statusCode: "new",
        amount: 1,
        date: "2026-01-01",
      },
    }),
    expect: DEALERS("refused"),
  },
  "Mutation.reviseOrderInvoice": {
    doc: `mutation($i: ReviseOrderInvoiceInput!) { reviseOrderInvoice(input: $i) { applied } }`,
    vars: (fx) => ({ i: { orderId: fx.orderId, eventId: "evt_x", amount: 1, vat: 0, at: "2026-01-01T00:00:00Z" } }),
    expect: DEALERS("refused"),
  },
  "Query.orderInvoiceFile": {
    doc: `query($o: ID!) { orderInvoiceFile(orderId: $o) { __typename } }`,
    vars: (fx) => ({ o: fx.orderId }),
    expect: DEALERS("refused"),
  },
  // ---------- orders ----------
  "Query.orders": { doc: "query { orders(drafts: true, first: 100) { id number } }", expect: DEALERS("own") },
  "Query.order": {
    doc: "query($id: ID!) { order(id: $id) { id } }",
    vars: (fx) => ({ id: fx.orderId }),
    expect: DEALERS("refused"),
  },
  "Mutation.createDraft": { doc: `mutation { createDraft(name: "чужой") { id } }`, expect: DEALERS("own") },
  "Mutation.addOrderLine": {
    doc: `mutation($i: AddOrderLineInput!) { addOrderLine(input: $i) { __typename ${USER_ERR} } }`,
    vars: (fx) => ({ i: { orderId: fx.draftId, productId: fx.productId, quantity: 5 } }),
    expect: DEALERS("refused"),
  },
  "Mutation.setOrderLineQuantity": {
    doc: `mutation($o: ID!, $l: ID!) { setOrderLineQuantity(orderId: $o, lineId: $l, quantity: 7) { __typename ${USER_ERR} } }`,
    vars: (fx) => ({ o: fx.draftId, l: fx.draftLineId }),
    expect: DEALERS("refused"),
  },
  "Mutation.removeOrderLine": {
    doc: `mutation($o: ID!, $l: ID!) { removeOrderLine(orderId: $o, lineId: $l) { __typename ${USER_ERR} } }`,
    vars: (fx) => ({ o: fx.draftId, l: fx.draftLineId }),
    expect: DEALERS("refused"),
  },
  "Mutation.submitOrder": {
    doc: `mutation($o: ID!) { submitOrder(orderId: $o) { __typename ${USER_ERR} } }`,
    vars: (fx) => ({ o: fx.draftId }),
    expect: DEALERS("refused"),
  },
  // ---------- identity: public and session ----------
  "Query.tenants": { doc: "query { tenants { slug } }", expect: "public" },
  "Query.tenant": {
    doc: "query($s: String!) { tenant(slug: $s) { slug name } }",
    vars: (fx) => ({ s: fx.tenantSlug }),
    expect: "public",
  },
  "Query.viewer": { doc: "query { viewer { user { email } company { id } counterparty { id } } }", expect: "own" },
  "Query.rights": { doc: "query { rights { code } }", expect: "public" },
  "Query.questionnaire": {
    doc: `query($t: String!) { questionnaire(token: $t) { __typename ${USER_ERR} } }`,
    vars: (fx) => ({ t: forged(fx, "lnk") }),
    expect: DEALERS("refused"),
  },
  "Mutation.login": {
    doc: `mutation($i: LoginInput!) { login(input: $i) { __typename ${USER_ERR} } }`,
    vars: (fx) => ({ i: { email: fx.dealerEmail, password: "not-the-password", tenantSlug: fx.tenantSlug } }),
    expect: DEALERS("refused"),
  },
  "Mutation.refreshSession": {
    doc: `mutation($r: String!) { refreshSession(refreshToken: $r) { __typename ${USER_ERR} } }`,
    vars: (fx) => ({ r: forged(fx, "rtk") }),
    expect: DEALERS("refused"),
  },
  "Mutation.switchTenant": {
    doc: `mutation($s: String!) { switchTenant(tenantSlug: $s) { __typename ${USER_ERR} } }`,
    vars: (fx) => ({ s: fx.tenantSlug }),
    // The other dealer of tenant A is a member of A's tenant: it gets its own session there.
    expect: { otherTenantDealer: "refused", sameTenantDealer: "own" },
  },
  "Mutation.logout": {
    doc: "mutation($r: String!) { logout(refreshToken: $r) }",
    vars: (fx) => ({ r: forged(fx, "rtk") }),
    expect: DEALERS("refused"),
  },
  "Mutation.logoutEverywhere": { doc: "mutation { logoutEverywhere }", expect: DEALERS("own") },
  "Mutation.selectCounterparty": {
    doc: `mutation($r: String!, $c: ID!) { selectCounterparty(refreshToken: $r, counterpartyId: $c) { __typename ${USER_ERR} } }`,
    vars: (fx) => ({ r: fx.attackerRefreshToken, c: fx.counterpartyId }),
    expect: DEALERS("refused"),
  },
  "Mutation.rotateSigningKey": { doc: "mutation { rotateSigningKey }", expect: STAFF_ONLY },
  "Mutation.recordAuditEvent": {
    doc: `mutation($i: RecordAuditEventInput!) { recordAuditEvent(input: $i) }`,
    vars: (fx) => ({
      i: {
        sourceEventId: "evt_forged",
        source: "orders",
        action: "order.submitted",
        occurredAt: "2026-01-01T00:00:00Z",
        companyId: fx.companyId,
        objects: [],
      },
    }),
    expect: STAFF_ONLY,
  },
  // ---------- identity: registration and recovery ----------
  "Mutation.registerDealer": {
    doc: `mutation($i: RegisterDealerInput!) { registerDealer(input: $i) { __typename ${USER_ERR} } }`,
    vars: (fx) => ({
      i: {
        tenantSlug: fx.tenantSlug,
        userName: "Захватчик",
        legalName: "ООО «Захват»",
        inn: "7707083893",
        email: fx.dealerEmail,
        password: "secret-1",
        passwordRepeat: "secret-1",
      },
    }),
    // Registering A's e-mail answers like any registration (no enumeration) and changes nothing of A's.
    expect: DEALERS("public"),
  },
  "Mutation.activateAccount": {
    doc: `mutation($t: String!) { activateAccount(token: $t) { __typename ${USER_ERR} } }`,
    vars: (fx) => ({ t: forged(fx, "lnk") }),
    expect: DEALERS("refused"),
  },
  "Mutation.startRegistration": {
    doc: `mutation($i: StartRegistrationInput!) { startRegistration(input: $i) { __typename ${USER_ERR} } }`,
    vars: (fx) => ({ i: { tenantSlug: fx.tenantSlug, email: fx.dealerEmail, acceptTerms: true } }),
    expect: DEALERS("refused"),
  },
  "Mutation.completeRegistration": {
    doc: `mutation($i: CompleteRegistrationInput!) { completeRegistration(input: $i) { __typename ${USER_ERR} } }`,
    vars: (fx) => ({
      i: {
        token: forged(fx, "lnk"),
        surname: "А",
        givenName: "Б",
        customerType: "x",
        password: "Secret-2026",
        passwordRepeat: "Secret-2026",
        acceptTerms: true,
        newsletter: false,
      },
    }),
    expect: DEALERS("refused"),
  },
  "Mutation.inviteDealer": {
    doc: `mutation($i: InviteDealerInput!) { inviteDealer(input: $i) { __typename ${USER_ERR} } }`,
    vars: () => ({ i: { email: "invited@attack.test", fullName: "Х", legalName: "ООО «Х»", inn: "7707083893" } }),
    expect: STAFF_ONLY,
  },
  "Mutation.createOutletCabinet": {
    doc: `mutation($i: CreateOutletCabinetInput!) { createOutletCabinet(input: $i) { __typename ${USER_ERR} } }`,
    vars: () => ({
      i: {
        contractNumber: "1",
        outletName: "Х",
        email: "outlet@attack.test",
        phone: "+7 495 123-45-67",
        fullName: "Х",
        legalName: "ООО «Х»",
        inn: "7707083893",
      },
    }),
    expect: STAFF_ONLY,
  },
  "Mutation.requestPasswordReset": {
    doc: `mutation($s: String!, $e: String!) { requestPasswordReset(tenantSlug: $s, email: $e) { __typename ${USER_ERR} } }`,
    vars: (fx) => ({ s: fx.tenantSlug, e: fx.dealerEmail }),
    // The same "accepted" for every e-mail; the link goes to A's mailbox, never to the caller.
    expect: DEALERS("public"),
  },
  "Mutation.resetPassword": {
    doc: `mutation($i: ResetPasswordInput!) { resetPassword(input: $i) { __typename ${USER_ERR} } }`,
    vars: (fx) => ({ i: { token: forged(fx, "lnk"), password: "Hacked-2026", passwordRepeat: "Hacked-2026" } }),
    expect: DEALERS("refused"),
  },
  // ---------- identity: own account ----------
  "Mutation.changePassword": {
    doc: `mutation { changePassword(input: { currentPassword: "wrong", password: "Hacked-2026", passwordRepeat: "Hacked-2026" }) { __typename ${USER_ERR} } }`,
    expect: DEALERS("refused"),
  },
  "Mutation.requestEmailChange": {
    doc: `mutation($e: String!) { requestEmailChange(newEmail: $e) { __typename ${USER_ERR} } }`,
    vars: (fx) => ({ e: fx.dealerEmail }),
    // A's address is taken: refused or accepted without effect; A keeps its login either way.
    expect: DEALERS("own"),
  },
  "Mutation.confirmEmailChange": {
    doc: `mutation($i: ConfirmEmailChangeInput!) { confirmEmailChange(input: $i) { __typename ${USER_ERR} } }`,
    vars: (fx) => ({ i: { token: forged(fx, "lnk"), code: "000000" } }),
    expect: DEALERS("refused"),
  },
  "Mutation.updateProfile": {
    doc: `mutation { updateProfile(input: { region: "Чужой" }) { __typename ${USER_ERR} } }`,
    expect: DEALERS("own"),
  },
  "Mutation.requestDataChange": {
    doc: `mutation { requestDataChange(message: "Смените реквизиты") { __typename ${USER_ERR} } }`,
    expect: DEALERS("own"),
  },
  // ---------- identity: company users, API keys, history ----------
  "Query.companyUsers": { doc: "query { companyUsers { id email } }", expect: DEALERS("own") },
  "Mutation.addCompanyUser": {
    doc: `mutation { addCompanyUser(input: { email: "helper@attack.test", permissions: [], dealerAdmin: false }) { __typename ${USER_ERR} } }`,
    expect: DEALERS("own"),
  },
  "Mutation.setCompanyUserRights": {
    doc: `mutation($m: ID!) { setCompanyUserRights(input: { membershipId: $m, permissions: [], dealerAdmin: false }) { __typename ${USER_ERR} } }`,
    vars: (fx) => ({ m: fx.dealerMembershipId }),
    expect: DEALERS("refused"),
  },
  "Mutation.detachCompanyUser": {
    doc: `mutation($m: ID!) { detachCompanyUser(input: { membershipId: $m }) { __typename ${USER_ERR} } }`,
    vars: (fx) => ({ m: fx.dealerMembershipId }),
    expect: DEALERS("refused"),
  },
  "Query.dealerApprovals": {
    doc: "query { dealerApprovals { id email } }",
    expect: { otherTenantDealer: "refused", sameTenantDealer: "refused", otherTenantManager: "own" },
  },
  "Mutation.setDealerStatus": {
    doc: `mutation($m: ID!) { setDealerStatus(membershipId: $m, action: block) { __typename ${USER_ERR} } }`,
    vars: (fx) => ({ m: fx.dealerMembershipId }),
    expect: STAFF_ONLY,
  },
  "Mutation.assignManager": {
    doc: `mutation($m: ID!, $u: ID!) { assignManager(membershipId: $m, managerUserId: $u) { __typename ${USER_ERR} } }`,
    vars: (fx) => ({ m: fx.dealerMembershipId, u: fx.attackerUserId }),
    expect: STAFF_ONLY,
  },
  "Query.apiKeys": { doc: "query { apiKeys { id name } }", expect: DEALERS("own") },
  "Mutation.createApiKey": {
    doc: `mutation { createApiKey(input: { name: "чужой", permissions: [] }) { __typename ${USER_ERR} } }`,
    expect: DEALERS("own"),
  },
  "Mutation.revokeApiKey": {
    doc: `mutation($id: ID!) { revokeApiKey(id: $id) { __typename ${USER_ERR} } }`,
    vars: (fx) => ({ id: fx.apiKeyId }),
    expect: DEALERS("refused"),
  },
  "Query.history": { doc: "query { history(filter: { first: 200 }) { id action objects { id } } }", expect: "own" },
  ...ORDER_CASES,
  ...OPS_CASES,
  ...WORKFLOW_ADMIN_CASES,
  ...ADMIN_CASES,
  ...CONTENT_CASES,
};
