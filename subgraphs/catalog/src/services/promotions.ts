import { forbidden } from "@dpp/server";
import { type CatalogContext, todayInMoscow } from "../context.ts";
import { currentPromotions, deletePromotion, savePromotion } from "../db/promotions.ts";
import { type Audience, checkPromotion, type PromotionInput, visibleTo } from "../domain/promotions.ts";
import { isStaff } from "./import.ts";

/** Current promotions the viewer may see, optionally of one audience. */
export async function listPromotions(ctx: CatalogContext, audience: Audience | null) {
  const viewer = { companyId: ctx.companyId, staff: isStaff(ctx) };
  const day = todayInMoscow();
  const all = await currentPromotions(ctx.db, ctx.tenantId(), day);
  return all.filter((p) => visibleTo(p, viewer, day) && (audience === null || p.audience === audience));
}

export async function save(ctx: CatalogContext, id: string | null, input: PromotionInput) {
  if (!isStaff(ctx)) throw forbidden("Акции ведут сотрудники поставщика");
  const checked = checkPromotion(input);
  if (!checked.ok) {
    return {
      __typename: "PromotionInvalidError",
      code: "PROMOTION_INVALID",
      message: checked.errors.map((e) => e.message).join("; "),
      fields: checked.errors,
    };
  }
  const saved = await savePromotion(ctx.db, ctx.tenantId(), id, checked.value);
  if (!saved) {
    return { __typename: "PromotionNotFoundError", code: "PROMOTION_NOT_FOUND", message: "Акция не найдена" };
  }
  return { __typename: "Promotion", ...saved };
}

export async function remove(ctx: CatalogContext, id: string) {
  if (!isStaff(ctx)) throw forbidden("Акции ведут сотрудники поставщика");
  return deletePromotion(ctx.db, ctx.tenantId(), id);
}
