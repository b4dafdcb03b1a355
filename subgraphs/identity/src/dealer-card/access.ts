/**
 * Who of the supplier's staff may open a dealer's card: tenant and platform admins always; a
 * manager when the company is theirs (they are the personal manager of one of its logins) or
 * nobody's yet (the pool). Pure: the caller passes the company's personal managers.
 */
export function mayOpenDealerCard(
  staff: { userId: string; roles: readonly string[] },
  companyManagers: readonly (string | null)[],
): boolean {
  if (staff.roles.includes("tenant_admin") || staff.roles.includes("platform_admin")) return true;
  if (!staff.roles.includes("manager")) return false;
  const assigned = companyManagers.filter((m): m is string => m !== null);
  return assigned.length === 0 || assigned.includes(staff.userId);
}
