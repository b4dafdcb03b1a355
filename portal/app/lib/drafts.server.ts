import { AddOrderLineMutation, CreateDraftMutation, DraftsQuery, type OrderResult } from "../graphql/orders";
import type { Auth } from "./auth.server";
import { mutate, query } from "./gateway.server";

const draftName = () =>
  `Заказ от ${new Intl.DateTimeFormat("ru-RU", { dateStyle: "short", timeZone: "Europe/Moscow" }).format(new Date())}`;

/** The session's active draft, else the newest draft, else a new one. Remembered in the session row. */
async function activeDraft(auth: Auth, fresh: boolean): Promise<string> {
  const remembered = fresh ? undefined : auth.session.get("activeDraftId");
  if (remembered) return remembered;
  if (!fresh) {
    const { orders } = await query(auth.client, DraftsQuery, {});
    const newest = [...orders].sort((a, b) => b.createdAt.localeCompare(a.createdAt))[0];
    if (newest) {
      auth.session.set("activeDraftId", newest.id);
      return newest.id;
    }
  }
  const { createDraft } = await mutate(auth.client, CreateDraftMutation, { name: draftName() });
  auth.session.set("activeDraftId", createDraft.id);
  return createDraft.id;
}

/** "В заказ": adds to the active draft; if that draft was submitted or deleted meanwhile, starts a new one. */
export async function addToActiveDraft(auth: Auth, productId: string, quantity: number): Promise<OrderResult> {
  const orderId = await activeDraft(auth, false);
  const first = await mutate(auth.client, AddOrderLineMutation, { input: { orderId, productId, quantity } });
  const r = first.addOrderLine;
  if (r.__typename === "OrderError" && (r.code === "NOT_A_DRAFT" || r.code === "ORDER_NOT_FOUND")) {
    const next = await activeDraft(auth, true);
    return (await mutate(auth.client, AddOrderLineMutation, { input: { orderId: next, productId, quantity } }))
      .addOrderLine;
  }
  return r;
}
