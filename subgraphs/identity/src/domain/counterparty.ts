/**
 * The active counterparty (контрагент) of a dealer session. A membership may be limited to some of
 * its company's counterparties (`counterpartyIds`; empty = all of them); the session acts for one.
 */

/** The counterparties a membership may act for, in the company's order. */
export function availableCounterparties(
  companyCounterparties: readonly string[],
  allowed: readonly string[],
): string[] {
  if (allowed.length === 0) return [...companyCounterparties];
  const set = new Set(allowed);
  return companyCounterparties.filter((id) => set.has(id));
}

/**
 * The counterparty a session carries: the wanted one while it is still available (a refresh keeps
 * the choice), else the first available one, else none (staff, a company without legal entities).
 */
export function activeCounterparty(available: readonly string[], wanted?: string | null): string | null {
  if (wanted && available.includes(wanted)) return wanted;
  return available[0] ?? null;
}
