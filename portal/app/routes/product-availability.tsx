import {
  LeadTimesQuery,
  ProductAvailabilityQuery,
  SubscribeToRestockMutation,
  UnsubscribeFromRestockMutation,
} from "../graphql/inventory";
import { withAuth } from "../lib/auth.server";
import { mutate, query } from "../lib/gateway.server";
import type { Route } from "./+types/product-availability";

const MAX_QUANTITY = 1_000_000;

/**
 * The availability dialog's data: stock per warehouse, distributors' stock, the "notify me"
 * state and — with `?quantity=N` where the tenant keeps lead times — the lead time per warehouse.
 */
export async function loader({ request, context, params }: Route.LoaderArgs) {
  return withAuth(request, context, async ({ client }) => {
    const { product, leadTimesAvailable } = await query(client, ProductAvailabilityQuery, { id: params.id });
    if (!product) throw new Response("Товар не найден", { status: 404 });
    const raw = new URL(request.url).searchParams.get("quantity");
    const quantity = raw === null ? null : Number(raw);
    let problem: string | null = null;
    let leadTimes = null;
    if (quantity !== null && leadTimesAvailable) {
      if (!Number.isSafeInteger(quantity) || quantity <= 0 || quantity > MAX_QUANTITY) {
        problem = "Укажите количество целым числом больше нуля";
      } else {
        leadTimes = (await query(client, LeadTimesQuery, { lines: [{ productId: product.id, quantity }] })).leadTimes;
      }
    }
    return { product, leadTimesAvailable, quantity, leadTimes, problem };
  });
}

/** «Сообщить о поступлении» on and off. */
export async function action({ request, context, params }: Route.ActionArgs) {
  return withAuth(request, context, async ({ client }) => {
    const form = await request.formData();
    const productId = params.id;
    if (form.get("intent") === "unsubscribe") await mutate(client, UnsubscribeFromRestockMutation, { productId });
    else await mutate(client, SubscribeToRestockMutation, { productId });
    return { ok: true };
  });
}
