import { withTenant } from "@dpp/db";
import type { TenantDefinition } from "@dpp/tenant";
import { contracts, documentTypes, payments, type SellerSettings, shipments, tenantSettings } from "./db/schema.ts";
import type { FinanceDb } from "./server.ts";

export interface FinanceSeedContract {
  id: string;
  companyId: string;
  counterpartyId: string | null;
  number: string;
  signedOn: string;
  paymentTerms: "prepayment" | "deferral";
  deferralDays: number;
  creditLimit: number | null;
  shipments: { id: string; number: string; shippedOn: string; amount: number }[];
  payments: { id: string; documentNumber: string; paidOn: string; amount: number }[];
}

export interface FinanceSeedTenant {
  id: string;
  /** A full TenantDefinition fits; finance reads its documents, seller requisites, pricing and finance rules. */
  definition: Pick<TenantDefinition, "documentTypes"> &
    Partial<
      Pick<TenantDefinition, "name" | "legalName" | "inn" | "kpp" | "branding" | "pricing" | "requisites" | "finance">
    >;
  contracts?: FinanceSeedContract[];
}

function settingsOf(id: string, d: FinanceSeedTenant["definition"]) {
  if (!d.name || !d.legalName || !d.inn || !d.branding || !d.pricing) return null;
  const r = d.requisites;
  const seller: SellerSettings = {
    name: d.legalName,
    brandName: d.name,
    inn: d.inn,
    kpp: d.kpp ?? null,
    address: r?.address ?? null,
    phone: r?.phone ?? null,
    bank: r?.bank ?? null,
    director: r?.director ?? "",
    accountant: r?.accountant ?? "",
    branding: { primary: d.branding.primary, onPrimary: d.branding.onPrimary },
  };
  return {
    tenantId: id,
    seller,
    vatRateBp: d.pricing.vatRateBp,
    pricesIncludeVat: d.pricing.pricesIncludeVat,
    currency: d.pricing.currency,
    actRequestIntervalHours: d.finance?.actRequestIntervalHours ?? null,
    invoiceValidityDays: d.finance?.invoiceValidityDays ?? 5,
    bonusRule: d.finance?.bonus ?? null,
  };
}

/**
 * Idempotent: inserts what a tenant does not have yet (document types, contracts and their history)
 * and brings its settings up to date with the definition.
 */
export async function seedFinance(db: FinanceDb, tenants: FinanceSeedTenant[]): Promise<void> {
  for (const t of tenants) {
    await withTenant(db, t.id, async (tx) => {
      if (t.definition.documentTypes.length > 0)
        await tx
          .insert(documentTypes)
          .values(
            t.definition.documentTypes.map((d, position) => ({
              tenantId: t.id,
              code: d.code,
              label: d.label,
              formats: [...d.formats],
              availableAt: [...d.availableAt],
              position,
            })),
          )
          .onConflictDoNothing();
      const settings = settingsOf(t.id, t.definition);
      if (settings)
        await tx
          .insert(tenantSettings)
          .values(settings)
          .onConflictDoUpdate({ target: tenantSettings.tenantId, set: settings });
      for (const c of t.contracts ?? []) {
        const { shipments: ss, payments: ps, ...contract } = c;
        await tx
          .insert(contracts)
          .values({ tenantId: t.id, ...contract })
          .onConflictDoNothing();
        const base = { tenantId: t.id, contractId: c.id, companyId: c.companyId };
        if (ss.length > 0)
          await tx
            .insert(shipments)
            .values(ss.map((s) => ({ ...base, ...s, externalId: s.id })))
            .onConflictDoNothing();
        if (ps.length > 0)
          await tx
            .insert(payments)
            .values(ps.map((p) => ({ ...base, ...p, externalId: p.id })))
            .onConflictDoNothing();
      }
    });
  }
}
