import type { OutboxHandlers } from "../outbox.ts";
import { orderSubmittedAudit } from "./order-audit.ts";
import { allOf, orderSubmittedFinance } from "./order-finance.ts";
import { ORDER_SUBMITTED, orderSubmitted } from "./order-submitted.ts";

/** Every topic the worker reacts to. A topic not listed here is marked processed with a warning. */
export const outboxHandlers: OutboxHandlers = {
  // Idempotent handlers first: a retry after a later failure then sends no second e-mail.
  [ORDER_SUBMITTED]: allOf(orderSubmittedFinance, orderSubmitted, orderSubmittedAudit),
};

export { ORDER_SUBMITTED, orderSubmitted, orderSubmittedPayload } from "./order-submitted.ts";
