import "./presentations.css";
import type { PresentationStatus } from "../graphql/presentations";

const LABEL: Record<PresentationStatus, string> = { DRAFT: "черновик", SENT: "отправлена", EXPIRED: "срок истёк" };

/** A presentation's state as a badge (text, not colour alone). */
export function PresentationStatusBadge({ status }: { status: PresentationStatus }) {
  return (
    <span className={`badge presentation-status presentation-status--${status.toLowerCase()}`}>{LABEL[status]}</span>
  );
}

/** Whether a line is in the cart: a red or green mark with the words, so it never relies on colour. */
export function InCart({ quantity, unit }: { quantity: number | null; unit: string }) {
  return quantity === null ? (
    <span className="in-cart in-cart--no">
      <span aria-hidden="true" className="in-cart__mark">
        ●
      </span>{" "}
      не в корзине
    </span>
  ) : (
    <span className="in-cart in-cart--yes">
      <span aria-hidden="true" className="in-cart__mark">
        ✔
      </span>{" "}
      в корзине: {quantity} {unit}
    </span>
  );
}
