/**
 * The active counterparty (decision 0009): a dealer session acts for one of its company's legal
 * entities, and finance shows only what is that entity's. Pure.
 */

/** A contract tied to a counterparty, or to none (the company as a whole). */
export interface ScopedContract {
  id: string;
  counterpartyId: string | null;
}

/**
 * Whether a contract is the active counterparty's: without a claim (staff, services, API keys)
 * every contract is; with one, the contracts with that counterparty and those tied to none.
 */
export function contractInScope(contract: Pick<ScopedContract, "counterpartyId">, active: string | null | undefined) {
  return !active || contract.counterpartyId === null || contract.counterpartyId === active;
}

/** The contracts the active counterparty sees, in their order. */
export function contractsInScope<C extends Pick<ScopedContract, "counterpartyId">>(
  contracts: readonly C[],
  active: string | null | undefined,
): C[] {
  return contracts.filter((c) => contractInScope(c, active));
}

/**
 * The rows (invoices, acts) the active counterparty sees: those under one of its contracts, and
 * those under no contract. `contracts` are all of the company's, so a row of an unknown contract
 * is shown only without a claim.
 */
export function rowsInScope<R extends { contractId: string | null }>(
  rows: readonly R[],
  contracts: readonly ScopedContract[],
  active: string | null | undefined,
): R[] {
  if (!active) return [...rows];
  const visible = new Set(contractsInScope(contracts, active).map((c) => c.id));
  return rows.filter((r) => r.contractId === null || visible.has(r.contractId));
}

/**
 * The contract an order's documents cite, from the company's contracts oldest first: the one chosen
 * at checkout; else, for an order placed for a counterparty, its oldest contract with that
 * counterparty (or one tied to none); else, as before counterparties, the oldest contract.
 */
export function documentContract<C extends ScopedContract>(
  contracts: readonly C[],
  order: { contractId: string | null; counterpartyId: string | null },
): C | null {
  const chosen = order.contractId ? contracts.find((c) => c.id === order.contractId) : undefined;
  if (chosen) return chosen;
  const cp = order.counterpartyId;
  if (!cp) return contracts[0] ?? null;
  return contracts.find((c) => c.counterpartyId === cp) ?? contracts.find((c) => c.counterpartyId === null) ?? null;
}

/** The buyer on an order's documents: the order's counterparty, else its contract's (null: the company's first). */
export function buyerCounterpartyId(
  order: { counterpartyId: string | null },
  contract: Pick<ScopedContract, "counterpartyId"> | null,
): string | null {
  return order.counterpartyId ?? contract?.counterpartyId ?? null;
}
