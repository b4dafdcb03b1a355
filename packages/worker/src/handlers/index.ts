import type { OutboxHandlers } from "../outbox.ts";
import { ORDER_SUBMITTED, orderSubmitted } from "./order-submitted.ts";

/** Every topic the worker reacts to. A topic not listed here is marked processed with a warning. */
export const outboxHandlers: OutboxHandlers = {
  [ORDER_SUBMITTED]: orderSubmitted,
};

export { ORDER_SUBMITTED, orderSubmitted, orderSubmittedPayload } from "./order-submitted.ts";
