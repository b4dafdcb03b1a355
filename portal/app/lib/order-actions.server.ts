import type { Client } from "@urql/core";
import {
  AddOrderCommentMutation,
  CancelOrderMutation,
  CopyOrderToDraftMutation,
  FireOrderTransitionMutation,
  TrackOrderMutation,
} from "../graphql/orders";
import { mutate } from "./gateway.server";
import { orderErrorText } from "./order-errors";

export type OrderActionResult =
  | { kind: "ok"; ok: string }
  | { kind: "error"; error: string }
  | { kind: "redirect"; to: string };

/** What a submitted order's page does: workflow moves, cancel with a reason, comments, follow, copy to a draft. */
export async function orderAction(
  intent: string,
  form: FormData,
  ctx: {
    client: Client;
    session: { set(key: "activeDraftId", value: string): void; flash(key: "notice", value: string): void };
    orderId: string;
  },
): Promise<OrderActionResult | null> {
  const { client, orderId } = ctx;
  const failed = (r: { code: string; message: string }) => ({ kind: "error" as const, error: orderErrorText(r) });
  if (intent === "transition") {
    const r = (await mutate(client, FireOrderTransitionMutation, { orderId, to: String(form.get("to") ?? "") }))
      .fireOrderTransition;
    return r.__typename === "OrderError" ? failed(r) : { kind: "ok", ok: `Статус заказа: ${r.status.label}.` };
  }
  if (intent === "cancel") {
    const r = (await mutate(client, CancelOrderMutation, { orderId, reason: String(form.get("reason") ?? "") }))
      .cancelOrder;
    return r.__typename === "OrderError" ? failed(r) : { kind: "ok", ok: "Заказ отменен." };
  }
  if (intent === "comment") {
    const r = (await mutate(client, AddOrderCommentMutation, { orderId, body: String(form.get("body") ?? "") }))
      .addOrderComment;
    return r.__typename === "OrderError" ? failed(r) : { kind: "ok", ok: "Комментарий отправлен менеджеру." };
  }
  if (intent === "track") {
    const tracked = form.get("tracked") === "true";
    const r = (await mutate(client, TrackOrderMutation, { orderId, tracked })).trackOrder;
    if (r.__typename === "OrderError") return failed(r);
    return { kind: "ok", ok: tracked ? "Заказ добавлен в отслеживаемые." : "Заказ больше не отслеживается." };
  }
  if (intent === "copy") {
    const r = (await mutate(client, CopyOrderToDraftMutation, { orderId })).copyOrderToDraft;
    if (r.__typename === "OrderError") return failed(r);
    ctx.session.set("activeDraftId", r.draft.id);
    const left = r.leftOut.length ? ` Не скопированы: ${r.leftOut.join(", ")}.` : "";
    ctx.session.flash("notice", `Товары заказа добавлены в черновик.${left}`);
    return { kind: "redirect", to: `/drafts/${r.draft.id}` };
  }
  return null;
}
