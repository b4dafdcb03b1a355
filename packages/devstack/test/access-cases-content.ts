import type { AccessCase, Attacker, Expectation } from "./access-cases.ts";

/**
 * Cases for catalog's presentations and content pages, orders' company turnover, and identity's dealer pickers
 * (merged into CASES in access-cases.ts).
 */
const DEALERS = (e: Expectation): Partial<Record<Attacker, Expectation>> => ({
  otherTenantDealer: e,
  sameTenantDealer: e,
});
/** Staff operations: dealers are refused, B's manager works in B's tenant only. */
const STAFF_OWN: Partial<Record<Attacker, Expectation>> = { ...DEALERS("refused"), otherTenantManager: "own" };
const forged = "prs_01forgedAAAAAAAAAAAAAAAA";

export const CONTENT_CASES: Record<string, AccessCase> = {
  // ---------- catalog: presentations (B, the attacking manager's tenant, does not use them) ----------
  "Query.presentations": {
    doc: "query { presentations { id title } }",
    expect: { ...DEALERS("own"), otherTenantManager: "own" },
  },
  "Query.presentation": {
    doc: "query($id: ID!) { presentation(id: $id) { id } }",
    vars: () => ({ id: forged }),
    expect: "refused",
  },
  "Mutation.savePresentation": {
    doc: `mutation($i: PresentationInput!) { savePresentation(input: $i) { __typename ... on PresentationError { code } } }`,
    vars: (fx) => ({
      i: {
        companyId: fx.companyId,
        title: "Чужая",
        discountPercent: 50,
        validUntil: "2099-01-01",
        lines: [{ article: fx.productArticle, quantity: 1 }],
      },
    }),
    expect: "refused",
  },
  "Mutation.sendPresentation": {
    doc: `mutation($id: ID!) { sendPresentation(id: $id) { __typename ... on PresentationError { code } } }`,
    vars: () => ({ id: forged }),
    expect: "refused",
  },
  "Mutation.deletePresentation": {
    doc: "mutation($id: ID!) { deletePresentation(id: $id) }",
    vars: () => ({ id: forged }),
    expect: "refused",
  },
  // ---------- identity: pickers and the service-only company mail ----------
  "Query.dealerCompanies": { doc: "query { dealerCompanies { id name } }", expect: STAFF_OWN },
  "Mutation.mailDealerCompany": {
    doc: `mutation($c: ID!) { mailDealerCompany(input: { companyId: $c, subject: "x", text: "x", path: "/" }) }`,
    vars: (fx) => ({ c: fx.companyId }),
    expect: "refused",
  },
  // ---------- catalog: the daily nomenclature e-mail ----------
  "Query.nomenclatureSubscription": {
    doc: "query { nomenclatureSubscription }",
    expect: { ...DEALERS("own"), otherTenantManager: "refused" },
  },
  "Mutation.setNomenclatureSubscription": {
    // Dealers (company admins with the right) switch their own subscription only.
    doc: "mutation { setNomenclatureSubscription(subscribed: false) }",
    expect: { ...DEALERS("own"), otherTenantManager: "refused" },
  },
  "Query.nomenclatureDeliveries": {
    doc: `query { nomenclatureDeliveries(day: "2026-11-23") { userId companyId } }`,
    expect: "refused",
  },
  "Query.nomenclatureFileForCompany": {
    doc: "query($c: ID!) { nomenclatureFileForCompany(companyId: $c) { rows } }",
    vars: (fx) => ({ c: fx.companyId }),
    expect: "refused",
  },
  "Mutation.markNomenclatureMailed": {
    doc: `mutation($c: ID!) { markNomenclatureMailed(userId: "usr_x", companyId: $c, day: "2026-11-23") }`,
    vars: (fx) => ({ c: fx.companyId }),
    expect: "refused",
  },
  // ---------- catalog: promotions admin ----------
  "Query.allPromotions": { doc: "query { allPromotions { id title companyIds } }", expect: STAFF_OWN },
  "Query.promotionImage": {
    doc: 'query { promotionImage(id: "pim_01forgedAAAAAAAAAAAAAAAA") { contentType } }',
    expect: "refused",
  },
  "Mutation.savePromotionWithImage": {
    // A 1×1 PNG and no title: dealers are refused, B's manager is told the title is missing (nothing saved).
    doc: `mutation { savePromotionWithImage(input: { title: "", text: "x", audience: ALL, validFrom: "2026-01-01" },
      imageBase64: "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==") {
      __typename } }`,
    expect: "refused",
  },
  // ---------- catalog: useful-information pages and the maintenance banner ----------
  "Query.infoPages": { doc: "query { infoPages { id slug title html } }", expect: "own" },
  "Query.infoPage": {
    // A's tenant's unpublished page: hidden from its dealers, absent for another tenant.
    doc: `query { infoPage(slug: "garantiya") { id title html } }`,
    expect: "refused",
  },
  "Query.activeMaintenanceBanner": { doc: "query { activeMaintenanceBanner { text level } }", expect: "own" },
  "Query.maintenanceBanner": { doc: "query { maintenanceBanner { text } }", expect: "refused" },
  "Query.previewMarkdown": {
    doc: `query { previewMarkdown(markdown: "**x**") }`,
    expect: STAFF_OWN,
  },
  "Mutation.saveInfoPage": {
    doc: `mutation($id: ID!) { saveInfoPage(id: $id, input: { slug: "x", title: "Чужая", markdown: "x", position: 0, published: true }) {
      __typename } }`,
    vars: (fx) => ({ id: `inf_${fx.tenantSlug}_o-razdele` }),
    expect: "refused",
  },
  "Mutation.deleteInfoPage": {
    doc: "mutation($id: ID!) { deleteInfoPage(id: $id) }",
    vars: (fx) => ({ id: `inf_${fx.tenantSlug}_o-razdele` }),
    expect: "refused",
  },
  "Mutation.saveMaintenanceBanner": {
    doc: `mutation { saveMaintenanceBanner(input: { text: "Чужое", level: CRITICAL }) { __typename } }`,
    expect: "refused",
  },
  "Mutation.clearMaintenanceBanner": { doc: "mutation { clearMaintenanceBanner }", expect: "refused" },
  // ---------- orders: service-only turnover ----------
  "Query.companyTurnover": {
    doc: "query($c: ID!) { companyTurnover(companyId: $c) }",
    vars: (fx) => ({ c: fx.companyId }),
    expect: "refused",
  },
};
