import { randomUUID } from "node:crypto";
import { forbidden, requireTenant } from "@dpp/server";
import { type CatalogContext, todayInMoscow } from "../context.ts";
import type { ProductRow } from "../db/queries.ts";
import { isStaff } from "../services/import.ts";
import * as db from "./db.ts";
import { checkPresentation, offerPrice, type PresentationInput } from "./domain.ts";
import type { CompanyMailer } from "./identity-client.ts";

/** The presentations module's dependencies, added to the catalog context. */
export interface PresentationDeps {
  /** Identity's company mail; null where identity is not wired (sending then fails, nothing saved). */
  mailer: CompanyMailer | null;
}
export type PresentationContext = CatalogContext & { presentations: PresentationDeps; requestId?: string };

const failure = (code: string, message: string, fields: { field: string; message: string }[] = []) => ({
  __typename: "PresentationError" as const,
  code,
  message,
  fields,
});
const NOT_FOUND = () => failure("PRESENTATION_NOT_FOUND", "Презентация не найдена");
const ALREADY_SENT = () => failure("PRESENTATION_ALREADY_SENT", "Презентация уже отправлена, её нельзя изменить");

/** Staff of a tenant whose managers send presentations; otherwise why not. */
async function staffGate(ctx: PresentationContext) {
  if (!isStaff(ctx)) throw forbidden("Презентации составляют сотрудники поставщика");
  if (!(await db.presentationsEnabled(ctx.db, ctx.tenantId()))) {
    return failure("PRESENTATIONS_DISABLED", "У этого поставщика презентации не используются");
  }
  return null;
}

const isProduct = (p: ProductRow | Error | null): p is ProductRow => p !== null && !(p instanceof Error);

/** Staff: every presentation of the tenant; a dealer: those sent to the company; anyone else: none. */
export function listPresentations(ctx: PresentationContext) {
  if (isStaff(ctx)) return db.listPresentations(ctx.db, ctx.tenantId(), null);
  if (!ctx.companyId) return [];
  return db.listPresentations(ctx.db, ctx.tenantId(), ctx.companyId);
}

/** Staff: any of the tenant's; a dealer: one sent to the company; otherwise null. */
export async function presentation(ctx: PresentationContext, id: string) {
  const row = await db.presentationById(ctx.db, ctx.tenantId(), id);
  if (!row || isStaff(ctx)) return row;
  return row.companyId === ctx.companyId && row.sentAt !== null ? row : null;
}

export async function save(ctx: PresentationContext, id: string | null, input: PresentationInput) {
  const refused = await staffGate(ctx);
  if (refused) return refused;
  if (id !== null) {
    // A sent or unknown presentation says so before its fields are checked (the write re-checks under a lock).
    const current = await db.presentationById(ctx.db, ctx.tenantId(), id);
    if (!current) return NOT_FOUND();
    if (current.sentAt !== null) return ALREADY_SENT();
  }
  const today = todayInMoscow();
  const articles = [...new Set(input.lines.map((l) => l.article.trim()).filter(Boolean))];
  const found = (await ctx.loaders.productByArticle.loadMany(articles)).filter(isProduct);
  const ids = new Map(found.map((p) => [p.article, p.id]));
  const checked = checkPresentation(input, today, new Set(articles.filter((a) => !ids.has(a))));
  if (!checked.ok) {
    return failure("PRESENTATION_INVALID", checked.errors.map((e) => e.message).join("; "), checked.errors);
  }
  const actor = ctx.actor;
  const author = actor.kind === "user" ? actor.userId : `service:${actor.kind === "service" ? actor.service : ""}`;
  const saved = await db.savePresentation(ctx.db, ctx.tenantId(), id, checked.value, ids, author);
  if (saved === "not_found") return NOT_FOUND();
  if (saved === "sent") return ALREADY_SENT();
  return { __typename: "Presentation" as const, ...saved };
}

/** Sends a draft: offer prices for the company until the last day, and a mail to its logins with a link. */
export async function send(ctx: PresentationContext, id: string) {
  const refused = await staffGate(ctx);
  if (refused) return refused;
  const mailer = ctx.presentations.mailer;
  if (!mailer) throw new Error("catalog: identity is not wired; presentations cannot be mailed");
  const tenantId = requireTenant(ctx.actor);
  const requestId = ctx.requestId ?? `cat-${randomUUID()}`;
  const sent = await db.sendPresentation(
    ctx.db,
    tenantId,
    id,
    todayInMoscow(),
    async (row, lines) => {
      const products = (await ctx.loaders.product.loadMany(lines.map((l) => l.productId))).filter(isProduct);
      return products.map((p) => ({ productId: p.id, price: offerPrice(p.basePrice, row.discountBp) }));
    },
    async (row) => {
      const until = new Intl.DateTimeFormat("ru-RU", { dateStyle: "long", timeZone: "UTC" }).format(
        new Date(`${row.validUntil}T00:00:00Z`),
      );
      await mailer.mailCompany(tenantId, requestId, {
        companyId: row.companyId,
        subject: `Персональное предложение: ${row.title}`,
        text: [
          `Ваш менеджер подготовил для вас презентацию «${row.title}» со скидкой ${(row.discountBp / 100).toLocaleString("ru-RU")} %.`,
          `Цены предложения действуют до ${until} включительно.`,
          row.comment ? `\n${row.comment}` : "",
          "\nОткройте её в личном кабинете, измените количество и добавьте товары в корзину:",
        ]
          .filter((s) => s !== "")
          .join("\n"),
        path: `/presentations/${row.id}`,
      });
    },
  );
  if (sent === "not_found") return NOT_FOUND();
  if (sent === "sent") return ALREADY_SENT();
  return { __typename: "Presentation" as const, ...sent };
}

export async function remove(ctx: PresentationContext, id: string) {
  if (!isStaff(ctx)) throw forbidden("Презентации составляют сотрудники поставщика");
  return db.deleteDraft(ctx.db, ctx.tenantId(), id);
}
