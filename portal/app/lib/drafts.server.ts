import { ActiveDraftQuery, AddOrderLineMutation, CreateDraftMutation, type OrderResult } from "../graphql/orders";
import type { Auth } from "./auth.server";
import { mutate, query } from "./gateway.server";

/** A new draft's name: «Заказ от 23.11.2026». */
export const draftName = () =>
  `Заказ от ${new Intl.DateTimeFormat("ru-RU", { dateStyle: "short", timeZone: "Europe/Moscow" }).format(new Date())}`;

/**
 * The user's active draft as the orders subgraph keeps it (switchable from the orders list and any
 * draft's page), else a new one; mirrored in the session for the header's link.
 */
async function activeDraft(auth: Auth, fresh: boolean): Promise<string> {
  const found = fresh ? null : (await query(auth.client, ActiveDraftQuery, {})).activeDraft;
  const id = found?.id ?? (await mutate(auth.client, CreateDraftMutation, { name: draftName() })).createDraft.id;
  auth.session.set("activeDraftId", id);
  return id;
}

/** "В заказ": adds to the active draft; if that draft was submitted or deleted meanwhile, starts a new one. */
export async function addToActiveDraft(auth: Auth, productId: string, quantity: number): Promise<OrderResult> {
  const orderId = await activeDraft(auth, false);
  const first = await mutate(auth.client, AddOrderLineMutation, { input: { orderId, productId, quantity } });
  const r = first.addOrderLine;
  if (r.__typename === "OrderError" && ["NOT_A_DRAFT", "ORDER_LOCKED", "ORDER_NOT_FOUND"].includes(r.code)) {
    const next = await activeDraft(auth, true);
    return (await mutate(auth.client, AddOrderLineMutation, { input: { orderId: next, productId, quantity } }))
      .addOrderLine;
  }
  return r;
}
