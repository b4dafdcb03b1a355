import { z } from "zod";
import { orderCommentMail, orderStatusMail, updatedInvoiceMail } from "../domain/order-status-mail.ts";
import type { OutboxHandler, OutboxHandlerDeps } from "../outbox.ts";

export const ORDER_STATUS_CHANGED = "order.status_changed";
export const ORDER_COMMENT_ADDED = "order.comment_added";
export const ORDER_LINES_CHANGED = "order.lines_changed_by_manager";

const money = z.object({ amount: z.number().int(), currency: z.string().length(3) });
export const orderLinesChangedPayload = z.object({
  orderId: z.string().min(1),
  number: z.string(),
  dealerUserId: z.string().min(1),
  mailUpdatedInvoice: z.boolean(),
  lines: z.array(
    z.object({ article: z.string(), name: z.string(), quantity: z.number().int(), amount: z.number().int() }),
  ),
  total: money,
  vat: money,
});

export const orderStatusChangedPayload = z.object({
  orderId: z.string().min(1),
  number: z.string(),
  userId: z.string().min(1),
  managerUserId: z.string().nullish(),
  toLabel: z.string(),
  reason: z.string().nullish(),
  /** The workflow's notify effects of the transition. */
  notify: z.array(z.enum(["notify_dealer", "notify_manager", "sms_dealer", "sms_manager"])).default([]),
});

export const orderCommentAddedPayload = z.object({
  orderId: z.string().min(1),
  number: z.string(),
  commentId: z.string(),
  authorSide: z.enum(["dealer", "manager"]),
  dealerUserId: z.string().min(1),
  managerUserId: z.string().nullish(),
  body: z.string(),
});

async function mailUser(
  deps: OutboxHandlerDeps,
  tenantId: string,
  userId: string,
  content: (fullName: string) => { subject: string; text: string; html: string },
): Promise<void> {
  const user = await deps.directory.userById(tenantId, userId);
  if (!user) {
    deps.logger.warn(`user ${userId} not found in tenant ${tenantId}; no e-mail sent`, { userId });
    return;
  }
  await deps.mailer.send({ to: user.email, ...content(user.fullName), tenantId });
}

/**
 * "order.status_changed" → the dealer who placed the order and/or the order's manager are mailed,
 * as the transition's notify effects say. An order still in the managers' pool has no manager
 * to mail yet (logged).
 */
export const orderStatusChanged: OutboxHandler = async (event, deps) => {
  const p = orderStatusChangedPayload.parse(event.payload);
  const content = (fullName: string) =>
    orderStatusMail({ fullName, number: p.number, statusLabel: p.toLabel, reason: p.reason ?? null });
  if (p.notify.includes("notify_dealer")) await mailUser(deps, event.tenantId, p.userId, content);
  if (p.notify.includes("notify_manager")) {
    if (p.managerUserId) await mailUser(deps, event.tenantId, p.managerUserId, content);
    else deps.logger.info(`order ${p.number}: no manager has taken it yet; nobody to notify`, { orderId: p.orderId });
  }
};

/** "order.comment_added" → the other side is mailed the comment (a pool order's dealer comment waits for a manager). */
export const orderCommentAdded: OutboxHandler = async (event, deps) => {
  const p = orderCommentAddedPayload.parse(event.payload);
  const to = p.authorSide === "dealer" ? p.managerUserId : p.dealerUserId;
  if (!to) {
    deps.logger.info(`order ${p.number}: no manager has taken it yet; comment not mailed`, { orderId: p.orderId });
    return;
  }
  await mailUser(deps, event.tenantId, to, (fullName) =>
    orderCommentMail({ fullName, number: p.number, authorSide: p.authorSide, body: p.body }),
  );
};

/**
 * "order.lines_changed_by_manager" → finance re-issues the order's invoice with the new total
 * (idempotent by the event's id; it fails, and the job is retried, while the invoice is not
 * issued yet), then, where the tenant's workflow says so, the dealer is mailed the new lines with
 * the updated invoice's PDF attached. Without a finance client (tests of mail only) the mail goes
 * without the file.
 */
export const orderLinesChanged: OutboxHandler = async (event, deps) => {
  const p = orderLinesChangedPayload.parse(event.payload);
  const { finance, logger } = deps;
  if (finance) {
    const r = await finance.reviseOrderInvoice(event.tenantId, {
      orderId: p.orderId,
      eventId: event.id,
      amount: p.total.amount,
      vat: p.vat.amount,
      at: event.createdAt,
    });
    logger.info(
      `order ${p.number}: invoice ${r.invoiceNumber} revision ${r.revision}${r.applied ? "" : " (unchanged)"}`,
      {
        orderId: p.orderId,
      },
    );
  }
  if (!p.mailUpdatedInvoice) return;
  const pdf = finance ? await finance.orderInvoicePdf(event.tenantId, p.orderId) : null;
  if (pdf && "refused" in pdf)
    logger.warn(`order ${p.number}: no invoice PDF to attach (${pdf.refused})`, { orderId: p.orderId });
  const attachment = pdf && !("refused" in pdf) ? pdf : null;
  const user = await deps.directory.userById(event.tenantId, p.dealerUserId);
  if (!user) {
    logger.warn(`user ${p.dealerUserId} not found in tenant ${event.tenantId}; no e-mail sent`, { orderId: p.orderId });
    return;
  }
  const mail = updatedInvoiceMail({
    fullName: user.fullName,
    number: p.number,
    lines: p.lines,
    total: p.total,
    vat: p.vat,
    attached: attachment?.filename ?? null,
  });
  await deps.mailer.send({
    to: user.email,
    ...mail,
    tenantId: event.tenantId,
    ...(attachment ? { attachments: [attachment] } : {}),
  });
};
