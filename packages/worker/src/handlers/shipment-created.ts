import { z } from "zod";
import { shipmentMail } from "../domain/shipment-mail.ts";
import type { OutboxHandler } from "../outbox.ts";

export const SHIPMENT_CREATED = "shipment.created";

const payload = z.object({ shipmentId: z.string().min(1) });

/**
 * "shipment.created" → «Уведомление об отгрузке товаров» to every user of the buyer company who
 * asked for it (inventory's shipment subscriptions). Delivery is at least once: a retry after a
 * failed send mails the same people again, never others.
 */
export const shipmentCreatedMail: OutboxHandler = async (
  event,
  { inventory, directory, mailer, logger, portalUrl },
) => {
  const { shipmentId } = payload.parse(event.payload);
  if (!inventory) throw new Error("shipment.created: inventory is not wired");
  const notice = await inventory.shipmentNotice(event.tenantId, shipmentId);
  if (!notice || notice.subscriberIds.length === 0) return;
  const buyer = (await directory.companyName?.(event.tenantId, notice.companyId)) ?? "";
  const link = `${(portalUrl ?? "http://localhost:3000").replace(/\/+$/, "")}/shipments/${shipmentId}`;
  for (const userId of notice.subscriberIds) {
    const user = await directory.userById(event.tenantId, userId);
    if (!user) {
      logger.warn(`shipment.created: user ${userId} not found; no e-mail sent`, { shipmentId });
      continue;
    }
    await mailer.send({ to: user.email, tenantId: event.tenantId, ...shipmentMail(notice, user, buyer, link) });
  }
};
