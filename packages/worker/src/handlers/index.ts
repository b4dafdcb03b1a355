import type { OutboxHandlers } from "../outbox.ts";
import { webhookFanout } from "../webhooks/fanout.ts";
import { RESERVATION_EXPIRY_DUE, reservationExpiryDue } from "./inventory-reservation-expiry.ts";
import { STOCK_RESTOCKED, stockRestockedMail } from "./inventory-restocked.ts";
import { orderSubmittedAudit } from "./order-audit.ts";
import { allOf, orderStatusChangedFinance, orderSubmittedFinance } from "./order-finance.ts";
import { orderStatusChangedSms } from "./order-sms.ts";
import {
  ORDER_COMMENT_ADDED,
  ORDER_LINES_CHANGED,
  ORDER_STATUS_CHANGED,
  orderCommentAdded,
  orderLinesChanged,
  orderStatusChanged,
} from "./order-status.ts";
import { ORDER_SUBMITTED, orderSubmitted } from "./order-submitted.ts";
import { PAYMENT_RECORDED, paymentRecordedOrders } from "./payment-recorded.ts";
import { SHIPMENT_CREATED, shipmentCreatedMail } from "./shipment-created.ts";
import {
  ORDER_WORKFLOW_MIGRATED,
  ORDER_WORKFLOW_SAVED,
  orderWorkflowMigratedAudit,
  orderWorkflowSavedAudit,
} from "./workflow-audit.ts";

/** Every topic the worker reacts to. A topic not listed here is marked processed with a warning. */
export const outboxHandlers: OutboxHandlers = {
  // Idempotent handlers first: a retry after a later failure then sends no second e-mail.
  [ORDER_SUBMITTED]: allOf(orderSubmittedFinance, orderSubmitted, orderSubmittedAudit),
  [RESERVATION_EXPIRY_DUE]: reservationExpiryDue,
  [STOCK_RESTOCKED]: stockRestockedMail,
  [ORDER_STATUS_CHANGED]: allOf(orderStatusChangedFinance, webhookFanout, orderStatusChangedSms, orderStatusChanged),
  [ORDER_COMMENT_ADDED]: allOf(orderCommentAdded),
  [ORDER_LINES_CHANGED]: allOf(orderLinesChanged),
  // Webhook topics (webhooks/events.ts); add another handler of one of them to its allOf.
  [SHIPMENT_CREATED]: allOf(webhookFanout, shipmentCreatedMail),
  "invoice.issued": allOf(webhookFanout),
  "stock.low": allOf(webhookFanout),
  [PAYMENT_RECORDED]: allOf(paymentRecordedOrders),
  [ORDER_WORKFLOW_SAVED]: allOf(orderWorkflowSavedAudit),
  [ORDER_WORKFLOW_MIGRATED]: allOf(orderWorkflowMigratedAudit),
};

export { ORDER_SUBMITTED, orderSubmitted, orderSubmittedPayload } from "./order-submitted.ts";
