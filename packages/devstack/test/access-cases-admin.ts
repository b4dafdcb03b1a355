import type { AccessCase, Attacker, Expectation, Fixture } from "./access-cases.ts";

/**
 * Cases for tenant configuration, platform administration, feedback tickets and the dealer card
 * (merged into CASES in access-cases.ts).
 */
const NOBODY: Partial<Record<Attacker, Expectation>> = {
  otherTenantDealer: "refused",
  sameTenantDealer: "refused",
  otherTenantManager: "refused",
};
/** Staff queries by company id: dealers are refused; another tenant's manager sees nothing of A's. */
const STAFF_BY_COMPANY: Partial<Record<Attacker, Expectation>> = {
  otherTenantDealer: "refused",
  sameTenantDealer: "refused",
  otherTenantManager: "own",
};
const forgedTicket = (fx: Fixture) => `ten_${fx.tenantSlug}.tkt_01forged`;

export const ADMIN_CASES: Record<string, AccessCase> = {
  // The subgraphs' service-only entry point is not in the public API at all.
  "Mutation.applyTenantDefinition": {
    doc: "mutation { applyTenantDefinition(definition: {}, version: 999) }",
    expect: NOBODY,
  },
  "Mutation.saveTenantConfiguration": {
    doc: `mutation { saveTenantConfiguration(definition: {}, comment: "x") { __typename } }`,
    expect: NOBODY,
  },
  "Mutation.createTenant": {
    doc: `mutation { createTenant(input: { slug: "intruder", name: "X", legalName: "ООО Х", inn: "7707083893", primary: "#003366", onPrimary: "#ffffff", accent: "#ff9900", adminEmail: "x@example.ru" }) { __typename } }`,
    expect: NOBODY,
  },
  "Query.tenantConfiguration": { doc: "query { tenantConfiguration { __typename } }", expect: NOBODY },
  "Query.platformTenants": { doc: "query { platformTenants { id } }", expect: NOBODY },
  // Service only (orders' workflow editor and identity's configuration ask each other); hidden from the API.
  "Query.currentTenantDefinition": { doc: "query { currentTenantDefinition }", expect: NOBODY },
  "Query.currentOrderWorkflowDefinition": { doc: "query { currentOrderWorkflowDefinition }", expect: NOBODY },
  "Query.dealerCard": {
    doc: "query($c: ID!) { dealerCard(companyId: $c) { __typename } }",
    vars: (fx) => ({ c: fx.companyId }),
    expect: NOBODY,
  },
  "Query.companyDiscounts": {
    doc: "query($c: ID!) { companyDiscounts(companyId: $c) { __typename } }",
    vars: (fx) => ({ c: fx.companyId }),
    expect: STAFF_BY_COMPANY,
  },
  "Query.companyOrders": {
    doc: "query($c: ID!) { companyOrders(companyId: $c) { id number } }",
    vars: (fx) => ({ c: fx.companyId }),
    expect: STAFF_BY_COMPANY,
  },
  // Tickets: everyone works with their own; A's are out of reach.
  "Query.tickets": { doc: "query { tickets { id subject } }", expect: "own" },
  "Query.ticket": {
    doc: "query($t: ID!) { ticket(id: $t) { id subject } }",
    vars: (fx) => ({ t: forgedTicket(fx) }),
    expect: "refused",
  },
  "Mutation.openTicket": {
    doc: `mutation { openTicket(input: { subject: "Вопрос", body: "Текст" }) { __typename } }`,
    expect: { otherTenantDealer: "own", sameTenantDealer: "own", otherTenantManager: "refused" },
  },
  "Mutation.postTicketMessage": {
    doc: `mutation($t: ID!) { postTicketMessage(ticketId: $t, body: "x") { __typename ... on TicketError { code } } }`,
    vars: (fx) => ({ t: forgedTicket(fx) }),
    expect: "refused",
  },
  "Mutation.setTicketStatus": {
    doc: `mutation($t: ID!) { setTicketStatus(ticketId: $t, status: CLOSED) { __typename ... on TicketError { code } } }`,
    vars: (fx) => ({ t: forgedTicket(fx) }),
    expect: "refused",
  },
};
