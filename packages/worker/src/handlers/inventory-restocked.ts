import { z } from "zod";
import type { OutboxHandler } from "../outbox.ts";

export const STOCK_RESTOCKED = "stock.restocked";

const payload = z.object({ productId: z.string().min(1), article: z.string(), available: z.number().int() });

/**
 * "stock.restocked" → every dealer waiting for the product ("notify me when in stock") gets one
 * mail. Inventory marks the subscriptions as notified by this event, so a later restock does not
 * mail them again; a retry of this job gets the same users back (delivery is at least once).
 */
export const stockRestockedMail: OutboxHandler = async (event, { inventory, directory, mailer, logger }) => {
  const { productId, article } = payload.parse(event.payload);
  if (!inventory) throw new Error("stock.restocked: inventory is not wired");
  const users = await inventory.claimRestockSubscribers(event.tenantId, productId, event.id);
  for (const userId of users) {
    const user = await directory.userById(event.tenantId, userId);
    if (!user) {
      logger.warn(`stock.restocked: user ${userId} not found; no e-mail sent`, { productId });
      continue;
    }
    await mailer.send({
      to: user.email,
      tenantId: event.tenantId,
      subject: `Товар ${article} снова в наличии`,
      text: [
        `Здравствуйте, ${user.fullName}!`,
        "",
        `Товар с артикулом ${article}, о поступлении которого вы просили сообщить, снова есть на складе.`,
        "Оформите заказ в личном кабинете, пока он в наличии.",
      ].join("\n"),
    });
  }
};
