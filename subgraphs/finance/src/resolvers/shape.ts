/** Output shapes shared by the resolvers. */

export const rub = (amount: number) => ({ amount, currency: "RUB" });

export const invoiceOut = (i: {
  id: string;
  number: string;
  orderId: string | null;
  issuedOn: string;
  dueOn: string;
  amount: number;
  vat: number;
  paid?: number;
}) => {
  const paid = i.paid ?? 0;
  return {
    ...i,
    amount: rub(i.amount),
    vat: rub(i.vat),
    paid: rub(paid),
    paymentStatus: paid >= i.amount ? "PAID" : paid > 0 ? "PARTIALLY_PAID" : "UNPAID",
  };
};
