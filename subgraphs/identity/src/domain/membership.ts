/** The fields of a membership that decide which one a session is issued for. */
export interface MembershipChoice {
  id: string;
  tenantSlug: string;
}

/**
 * The membership a session is issued for: the one in `tenantSlug` when given (null when the
 * user has none there), otherwise the first by tenant slug. Ties (several companies in one
 * tenant) break by membership id, so the choice is stable across logins and refreshes.
 */
export function chooseMembership<M extends MembershipChoice>(
  memberships: readonly M[],
  tenantSlug?: string | null,
): M | null {
  const candidates = tenantSlug ? memberships.filter((m) => m.tenantSlug === tenantSlug) : [...memberships];
  candidates.sort((a, b) => compare(a.tenantSlug, b.tenantSlug) || compare(a.id, b.id));
  return candidates[0] ?? null;
}

const compare = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
