/** Whether an order-lines event re-issues the order's invoice. Pure. */

export interface InvoiceRevisionState {
  /** Re-issues so far (0: as issued on submission). */
  revision: number;
  /** The time of the lines event last applied; null when never re-issued. */
  revisedAt: Date | null;
}

/**
 * A new event re-issues the invoice (the next revision) unless an event at the same time or later
 * was already applied: the worker may deliver two edits out of order, and the later edit's totals
 * are the order's. A repeated event never reaches here (finance keys revisions by event id).
 */
export function revisionOf(
  state: InvoiceRevisionState,
  eventAt: Date,
): { applied: true; revision: number } | { applied: false; revision: number } {
  if (state.revisedAt !== null && state.revisedAt.getTime() >= eventAt.getTime())
    return { applied: false, revision: state.revision };
  return { applied: true, revision: state.revision + 1 };
}
