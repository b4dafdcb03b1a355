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
