import { newId, withTenant } from "@dpp/db";
import { badInput, forbidden } from "@dpp/server";
import { and, asc, desc, eq } from "drizzle-orm";
import type { CatalogContext } from "../context.ts";
import { promotionImages, promotions } from "../db/schema.ts";
import { checkPromotion, type Promotion, type PromotionInput } from "../domain/promotions.ts";
import { isStaff } from "../services/import.ts";
import { checkImage } from "./image.ts";

const staffOnly = (ctx: CatalogContext) => {
  if (!isStaff(ctx)) throw forbidden("Акции ведут сотрудники поставщика");
};

/** Staff: every promotion of the tenant, newest first (the dealers' query shows only current ones). */
export function allPromotions(ctx: CatalogContext): Promise<Promotion[]> {
  staffOnly(ctx);
  const tenantId = ctx.tenantId();
  return withTenant(ctx.db, tenantId, (tx) =>
    tx
      .select({
        id: promotions.id,
        title: promotions.title,
        body: promotions.body,
        imageUrl: promotions.imageUrl,
        audience: promotions.audience,
        companyIds: promotions.companyIds,
        validFrom: promotions.validFrom,
        validUntil: promotions.validUntil,
      })
      .from(promotions)
      .where(eq(promotions.tenantId, tenantId))
      .orderBy(desc(promotions.validFrom), asc(promotions.title)),
  );
}

type PromotionArgs = Omit<PromotionInput, "body" | "audience"> & { text: string; audience: "ALL" | "INDIVIDUAL" };

/**
 * Saves a promotion with a new image in one transaction: both are checked first (the promotion's
 * fields by the domain rule, the image by its content); any problem saves nothing.
 */
export async function saveWithImage(ctx: CatalogContext, id: string | null, input: PromotionArgs, imageBase64: string) {
  staffOnly(ctx);
  if (!/^[A-Za-z0-9+/]*={0,2}$/.test(imageBase64)) throw badInput("imageBase64: not base64", "imageBase64");
  const bytes = Buffer.from(imageBase64, "base64");
  const picture = await checkImage(bytes);
  if (!picture.ok) return { __typename: "PromotionImageError", code: picture.code, message: picture.message };
  const imageId = newId("pim");
  const checked = checkPromotion({
    ...input,
    body: input.text,
    audience: input.audience === "ALL" ? "all" : "individual",
    imageUrl: `/promotion-images/${imageId}`,
  });
  if (!checked.ok) {
    return {
      __typename: "PromotionInvalidError",
      code: "PROMOTION_INVALID",
      message: checked.errors.map((e) => e.message).join("; "),
      fields: checked.errors,
    };
  }
  const tenantId = ctx.tenantId();
  const saved = await withTenant(ctx.db, tenantId, async (tx) => {
    const [row] =
      id === null
        ? await tx
            .insert(promotions)
            .values({ tenantId, id: newId("prm"), ...checked.value })
            .returning()
        : await tx
            .update(promotions)
            .set(checked.value)
            .where(and(eq(promotions.tenantId, tenantId), eq(promotions.id, id)))
            .returning();
    if (!row) return null;
    await tx.insert(promotionImages).values({
      tenantId,
      id: imageId,
      contentType: picture.contentType,
      width: picture.width,
      height: picture.height,
      bytes,
    });
    return row;
  });
  if (!saved) return { __typename: "PromotionNotFoundError", code: "PROMOTION_NOT_FOUND", message: "Акция не найдена" };
  return { __typename: "Promotion", ...saved };
}

/** Any user of the tenant may load an image (dealers see promotions); another tenant's id is null. */
export async function image(ctx: CatalogContext, id: string) {
  const tenantId = ctx.tenantId();
  const [row] = await withTenant(ctx.db, tenantId, (tx) =>
    tx
      .select({ contentType: promotionImages.contentType, bytes: promotionImages.bytes })
      .from(promotionImages)
      .where(and(eq(promotionImages.tenantId, tenantId), eq(promotionImages.id, id))),
  );
  return row ? { contentType: row.contentType, contentBase64: row.bytes.toString("base64") } : null;
}

export const promotionAdminResolvers = {
  types: {
    SavePromotionWithImageResult: { __resolveType: (r: { __typename: string }) => r.__typename },
  },
  /** Merged into catalog's own Promotion resolvers. */
  Promotion: {
    companyIds: (p: Promotion, _: unknown, ctx: CatalogContext) => (isStaff(ctx) ? p.companyIds : []),
  },
  Query: {
    allPromotions: (_: unknown, __: unknown, ctx: CatalogContext) => allPromotions(ctx),
    promotionImage: (_: unknown, a: { id: string }, ctx: CatalogContext) => image(ctx, a.id),
  },
  Mutation: {
    savePromotionWithImage: (
      _: unknown,
      a: { id?: string | null; input: PromotionArgs; imageBase64: string },
      ctx: CatalogContext,
    ) => saveWithImage(ctx, a.id ?? null, a.input, a.imageBase64),
  },
};
