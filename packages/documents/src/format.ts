/** ru-RU presentation of money, quantities and dates for documents. Pure. */

const money = new Intl.NumberFormat("ru-RU", { minimumFractionDigits: 2, maximumFractionDigits: 2 });
const integer = new Intl.NumberFormat("ru-RU", { maximumFractionDigits: 0 });

/** Non-breaking and narrow spaces that Intl puts between digit groups, as plain spaces. */
const plain = (s: string) => s.replace(/[\u00a0\u202f]/g, " ");

/** 3841000 kopecks → "38 410,00". */
export function formatMoney(kopecks: number): string {
  if (!Number.isSafeInteger(kopecks)) throw new RangeError(`money must be integer kopecks, got ${kopecks}`);
  return plain(money.format(kopecks / 100));
}

export function formatInt(n: number): string {
  return plain(integer.format(n));
}

const MONTHS = [
  "января",
  "февраля",
  "марта",
  "апреля",
  "мая",
  "июня",
  "июля",
  "августа",
  "сентября",
  "октября",
  "ноября",
  "декабря",
];

function parts(isoDate: string): [number, number, number] {
  const m = /^(\d{4})-(\d{2})-(\d{2})/.exec(isoDate);
  if (!m) throw new RangeError(`not an ISO date: ${isoDate}`);
  return [Number(m[1]), Number(m[2]), Number(m[3])];
}

/** "2026-03-05" → "05.03.2026". */
export function formatDate(isoDate: string): string {
  const [y, m, d] = parts(isoDate);
  return `${String(d).padStart(2, "0")}.${String(m).padStart(2, "0")}.${y}`;
}

/** "2026-03-05" → "5 марта 2026 г." */
export function formatDateLong(isoDate: string): string {
  const [y, m, d] = parts(isoDate);
  return `${d} ${MONTHS[m - 1]} ${y} г.`;
}

/** 2000 basis points → "20 %". */
export function formatVatRate(bp: number): string {
  return `${plain(new Intl.NumberFormat("ru-RU", { maximumFractionDigits: 2 }).format(bp / 100))} %`;
}
