import { z } from "zod";
import { orderSubmittedMail } from "../domain/order-mail.ts";
import type { OutboxHandler } from "../outbox.ts";

export const ORDER_SUBMITTED = "order.submitted";

/** Integer minor units; a digit string is accepted too (bigint columns serialised as text). */
const minorUnits = z.union([
  z.number().int(),
  z
    .string()
    .regex(/^-?\d+$/)
    .transform(Number),
]);

export const orderSubmittedPayload = z.object({
  orderId: z.string().min(1),
  number: z.union([z.string().min(1), z.number().int()]).transform(String),
  userId: z.string().min(1),
  companyId: z.string().nullish(),
  statusCode: z.string(),
  statusLabel: z.string(),
  total: z.object({ amount: minorUnits, currency: z.string().length(3) }),
  /** The number of positions (what orders emits), or the lines themselves. */
  lines: z.union([z.number().int().min(0), z.array(z.unknown()).transform((lines) => lines.length)]),
  /** The buyer counterparty and the checkout's contract (absent in events written before checkout). */
  counterpartyId: z.string().nullish(),
  contractId: z.string().nullish(),
});
export type OrderSubmittedPayload = z.output<typeof orderSubmittedPayload>;

/**
 * "order.submitted" → the dealer who submitted the order gets "Заказ № N принят". A payload
 * that does not match throws (the job fails and shows in the queue: it is a producer's bug);
 * a user the directory does not know is skipped with a warning.
 */
export const orderSubmitted: OutboxHandler = async (event, { mailer, directory, logger }) => {
  const order = orderSubmittedPayload.parse(event.payload);
  const user = await directory.userById(event.tenantId, order.userId);
  if (!user) {
    logger.warn(`order.submitted: user ${order.userId} not found in tenant ${event.tenantId}; no e-mail sent`, {
      orderId: order.orderId,
    });
    return;
  }
  const mail = orderSubmittedMail({
    fullName: user.fullName,
    number: order.number,
    statusLabel: order.statusLabel,
    total: order.total,
    positions: order.lines,
  });
  await mailer.send({ to: user.email, ...mail, tenantId: event.tenantId });
};
