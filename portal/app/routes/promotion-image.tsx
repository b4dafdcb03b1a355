import { PromotionImageQuery } from "../graphql/promotions-admin";
import { withAuth } from "../lib/auth.server";
import { query } from "../lib/gateway.server";
import type { Route } from "./+types/promotion-image";

/** A promotion's uploaded image (PNG, JPEG or WebP, checked by content when it was saved). */
export async function loader({ request, context, params }: Route.LoaderArgs) {
  return withAuth(request, context, async ({ client }) => {
    const { promotionImage } = await query(client, PromotionImageQuery, { id: params.id });
    if (!promotionImage) throw new Response("Картинка не найдена", { status: 404 });
    return new Response(Buffer.from(promotionImage.contentBase64, "base64"), {
      headers: {
        "content-type": promotionImage.contentType,
        "x-content-type-options": "nosniff",
        "cache-control": "private, max-age=86400, immutable",
      },
    });
  });
}
