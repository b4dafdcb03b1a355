import { newId } from "@dpp/db";
import { smsAddress } from "@dpp/mail";
import { orderStatusSms } from "../domain/order-status-sms.ts";
import type { OutboxHandler } from "../outbox.ts";
import { queueSms } from "../sms-task.ts";
import { orderStatusChangedPayload } from "./order-status.ts";

/**
 * "order.status_changed" with `sms_dealer` / `sms_manager` effects → one SMS per recipient, to the
 * phone in their account, queued as a row whose insert enqueues the `sms_send` job (one job per
 * message). Idempotent: a retried event finds its rows and queues nothing. No phone, or a number
 * an SMS cannot go to, is logged and skipped.
 */
export const orderStatusChangedSms: OutboxHandler = async (event, deps) => {
  const p = orderStatusChangedPayload.parse(event.payload);
  if (!deps.sms) return;
  const recipients: { side: string; userId: string | null | undefined }[] = [];
  if (p.notify.includes("sms_dealer")) recipients.push({ side: "dealer", userId: p.userId });
  if (p.notify.includes("sms_manager")) recipients.push({ side: "manager", userId: p.managerUserId });
  const body = orderStatusSms({ number: p.number, statusLabel: p.toLabel, reason: p.reason ?? null });
  for (const r of recipients) {
    if (!r.userId) {
      deps.logger.info(`order ${p.number}: no manager has taken it yet; no SMS`, { orderId: p.orderId });
      continue;
    }
    const user = await deps.directory.userById(event.tenantId, r.userId);
    const to = user?.phone ? smsAddress(user.phone) : null;
    if (!to) {
      deps.logger.info(`order ${p.number}: the ${r.side} has no phone an SMS can go to; no SMS`, {
        orderId: p.orderId,
        userId: r.userId,
      });
      continue;
    }
    await queueSms(deps.sms.db, {
      tenantId: event.tenantId,
      id: newId("sms"),
      sourceKey: `${event.schema}/${event.id}/${r.userId}`,
      userId: r.userId,
      toAddress: to,
      body,
    });
  }
};
