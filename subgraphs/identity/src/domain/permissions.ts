/**
 * The dealers' rights from the seeds (KEAZ «Управление пользователями»). "Администратор дилера"
 * is the role dealer_admin, not a permission.
 */
export const DEALER_PERMISSIONS = [
  { code: "api_keys.manage", label: "Доступ к изменению ключа API" },
  { code: "finance.view", label: "Доступ к финансовой информации" },
  { code: "orders.send", label: "Доступ к отправке заказов" },
  { code: "stock.view", label: "Предоставление отчетов об остатках и продажах" },
  { code: "orders.own_only", label: "Доступ только к своим заказам и рекламациям" },
  { code: "nomenclature.file", label: "Получение номенклатурного файла" },
] as const;

export type DealerPermission = (typeof DEALER_PERMISSIONS)[number]["code"];
const CODES = new Set<string>(DEALER_PERMISSIONS.map((p) => p.code));

/** Rights that only read: what a view-only cabinet keeps. Everything else changes something. */
const READ_ONLY = new Set<string>(["finance.view", "stock.view", "orders.own_only", "nomenclature.file"]);

export type MembershipStatus = "pending" | "view_only" | "active" | "blocked";

/** Unknown codes in a requested list (a typed error names them), in input order. */
export function unknownPermissions(requested: readonly string[]): string[] {
  return requested.filter((p) => !CODES.has(p));
}

/** Rights that narrow what their holder sees: granting one gives nothing, so any grantor may grant it. */
const NARROWING = new Set<string>(["orders.own_only"]);
export const isNarrowing = (code: string) => NARROWING.has(code);

/** The requested rights the grantor does not hold: an API key or a user can't get more than its creator. */
export function beyondGrantor(requested: readonly string[], grantor: readonly string[]): string[] {
  const have = new Set(grantor);
  return requested.filter((p) => !have.has(p) && !NARROWING.has(p));
}

/**
 * What an API key may do now: its rights that its creator still holds, plus every narrowing right
 * of the key or of the creator (a key never sees more than the person who made it).
 */
export function keyPermissions(key: readonly string[], creator: readonly string[]): string[] {
  const have = new Set(creator);
  const kept = key.filter((p) => have.has(p) || NARROWING.has(p));
  return [...new Set([...kept, ...creator.filter((p) => NARROWING.has(p))])];
}

/**
 * The permissions a session carries. A view-only cabinet (registered, not yet approved) and an
 * account that must first change its generated password keep only reading rights; a pending or
 * blocked membership gets no session at all (null).
 */
export function sessionPermissions(
  status: MembershipStatus,
  permissions: readonly string[],
  mustChangePassword: boolean,
): string[] | null {
  if (status === "pending" || status === "blocked") return null;
  const unique = [...new Set(permissions)];
  if (status === "view_only" || mustChangePassword) return unique.filter((p) => READ_ONLY.has(p));
  return unique;
}
