import { type OrderFailure, orderError } from "./errors.ts";

/** A staff member acting on a submitted order (fire a transition, cancel, edit lines, comment). */
export interface StaffActing {
  userId: string;
  /** Tenant or platform administrator: acts on every order of the tenant. */
  admin: boolean;
}

/**
 * A manager acts on the orders they lead and on the pool (orders nobody leads yet: take, or act
 * at once); an order led by another manager — their dealer's, or taken by them — is refused.
 * Administrators act on every order.
 */
export function staffMayAct(order: { managerUserId: string | null }, staff: StaffActing): OrderFailure | null {
  if (staff.admin || order.managerUserId === null || order.managerUserId === staff.userId) return null;
  return orderError("NOT_YOUR_ORDER", "Заказ ведет другой менеджер: действовать по нему может он или администратор.");
}
