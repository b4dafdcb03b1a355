/** Pure rules of a shipment (waybill) sent by staff or the ERP. No I/O. */

export interface ShipmentLineInput {
  orderId: string;
  productId: string;
  quantity: number;
}

export interface ShipmentInput {
  number: string;
  date: string;
  consignee?: string | null;
  address?: string | null;
  deliveryMethod?: string | null;
  lines: ShipmentLineInput[];
}

export interface ShipmentProblem {
  /** The line from 1; 0 for the shipment itself. */
  row: number;
  message: string;
}

const isDate = (v: string) =>
  /^\d{4}-\d{2}-\d{2}$/.test(v) &&
  !Number.isNaN(Date.parse(`${v}T00:00:00Z`)) &&
  new Date(`${v}T00:00:00Z`).toISOString().slice(0, 10) === v;

/** Every problem at once: a number and a real date, at least one line, positive quantities, no repeated order × product. */
export function checkShipment(input: ShipmentInput): ShipmentProblem[] {
  const problems: ShipmentProblem[] = [];
  if (!input.number.trim()) problems.push({ row: 0, message: "Не указан номер накладной" });
  if (!isDate(input.date)) problems.push({ row: 0, message: `Дата должна быть в виде ГГГГ-ММ-ДД: ${input.date}` });
  if (input.lines.length === 0) problems.push({ row: 0, message: "В накладной нет строк" });
  const seen = new Map<string, number>();
  input.lines.forEach((l, i) => {
    const row = i + 1;
    if (!Number.isSafeInteger(l.quantity) || l.quantity <= 0) {
      problems.push({ row, message: `Количество должно быть целым положительным: ${l.quantity}` });
    }
    const key = `${l.orderId}\u0000${l.productId}`;
    const first = seen.get(key);
    if (first !== undefined) problems.push({ row, message: `Заказ и товар уже были в строке ${first}` });
    else seen.set(key, row);
  });
  return problems;
}

/** What a shipment's orders say about it: its buyer (one company) and its sum at the orders' prices. */
export interface ShipmentOrderFacts {
  id: string;
  number: string;
  isDraft: boolean;
  companyId: string;
  lines: { productId: string; unitPrice: number; currency: string }[];
}

/**
 * Checks the lines against the orders: every order exists and was submitted, all belong to one
 * dealer company (the buyer), every product is on its order. Returns the buyer and the sum
 * (kopecks) or every problem, by line.
 */
export function checkShipmentOrders(
  lines: readonly ShipmentLineInput[],
  orders: ReadonlyMap<string, ShipmentOrderFacts>,
): { ok: true; companyId: string; amount: number; currency: string } | { ok: false; problems: ShipmentProblem[] } {
  const problems: ShipmentProblem[] = [];
  let companyId: string | null = null;
  let amount = 0;
  let currency = "RUB";
  for (const [i, l] of lines.entries()) {
    const row = i + 1;
    const order = orders.get(l.orderId);
    if (!order) {
      problems.push({ row, message: `Заказ ${l.orderId} не найден` });
      continue;
    }
    if (order.isDraft) {
      problems.push({ row, message: `Заказ ${l.orderId} еще не отправлен` });
      continue;
    }
    if (companyId === null) companyId = order.companyId;
    else if (order.companyId !== companyId) {
      problems.push({ row, message: `Заказ № ${order.number} другого покупателя: в накладной один покупатель` });
      continue;
    }
    const line = order.lines.find((x) => x.productId === l.productId);
    if (!line) {
      problems.push({ row, message: `В заказе № ${order.number} нет товара ${l.productId}` });
      continue;
    }
    amount += line.unitPrice * l.quantity;
    currency = line.currency;
  }
  if (problems.length > 0 || companyId === null) return { ok: false, problems };
  return { ok: true, companyId, amount, currency };
}
