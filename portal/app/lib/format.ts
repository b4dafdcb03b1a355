import type { Money } from "../graphql/types";

const moneyFormats = new Map<string, Intl.NumberFormat>();

/** 768200 kopecks → "7 682,00 ₽" (ru-RU). */
export function formatMoney(money: Money): string {
  let f = moneyFormats.get(money.currency);
  if (!f) {
    f = new Intl.NumberFormat("ru-RU", { style: "currency", currency: money.currency });
    moneyFormats.set(money.currency, f);
  }
  return f.format(money.amount / 100);
}

const numberFormat = new Intl.NumberFormat("ru-RU", { maximumFractionDigits: 2 });
export const formatNumber = (n: number) => numberFormat.format(n);
export const formatPercent = (p: number) => `${numberFormat.format(p)} %`;

// One time zone on the server and in the browser: the markup hydrates identically.
const dateTimeFormat = new Intl.DateTimeFormat("ru-RU", {
  dateStyle: "short",
  timeStyle: "short",
  timeZone: "Europe/Moscow",
});
export const formatDateTime = (iso: string) => dateTimeFormat.format(new Date(iso));

function luminance(hex: string): number {
  const channels = [1, 3, 5].map((i) => Number.parseInt(hex.slice(i, i + 2), 16) / 255);
  const [r = 0, g = 0, b = 0] = channels.map((c) => (c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4));
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}

/** Black or white, whichever has the higher WCAG contrast on `background` (#rrggbb). */
export function readableTextOn(background: string): string {
  if (!/^#[0-9a-f]{6}$/i.test(background)) return "#000000";
  const l = luminance(background);
  return (l + 0.05) / 0.05 >= 1.05 / (l + 0.05) ? "#000000" : "#ffffff";
}

/** An inline SVG logo as an image URL: shown with <img>, so markup in it can never run. */
export const svgDataUrl = (svg: string) => `data:image/svg+xml;charset=utf-8,${encodeURIComponent(svg)}`;

/** Only same-site paths are followed after login (no open redirect). */
export function safeNext(value: unknown, fallback = "/catalog"): string {
  if (typeof value !== "string" || !value.startsWith("/") || value.startsWith("//") || value.startsWith("/\\")) {
    return fallback;
  }
  return value;
}
