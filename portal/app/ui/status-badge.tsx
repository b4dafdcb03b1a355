import { readableTextOn } from "../lib/format";

/** The status label on the tenant's status colour, with black or white text, whichever reads better. */
export function StatusBadge({ status }: { status: { label: string; color: string } }) {
  return (
    <span className="badge" style={{ backgroundColor: status.color, color: readableTextOn(status.color) }}>
      {status.label}
    </span>
  );
}
