import { createDb } from "@dpp/db";
import { seedIdentity } from "@dpp/identity";
import { postGraphQL } from "@dpp/testkit";
import type { Stack } from "@dpp/testkit/stack";

const PASSWORD = "Admin-2026-workflow";

/**
 * A tenant administrator of one demo tenant (the demo data set has none), added through
 * identity's own seeding, and signed in through the gateway.
 */
export async function addTenantAdmin(
  stack: Pick<Stack, "db" | "gatewayUrl">,
  tenantId: string,
  slug: string,
): Promise<{ token: string; userId: string; email: string; password: string }> {
  const userId = `usr_${slug}_wfadmin`;
  const email = `wf-admin@${slug}.test`;
  const { db, sql } = createDb(stack.db.appUrl, {}, { max: 1 });
  try {
    await seedIdentity(db as unknown as Parameters<typeof seedIdentity>[0], {
      tenants: [],
      companies: [],
      users: [{ id: userId, email, password: PASSWORD, fullName: "Администратор Схем", phone: null }],
      memberships: [
        { id: `mem_${slug}_wfadmin`, tenantId, userId, companyId: null, role: "tenant_admin", permissions: [] },
      ],
    });
  } finally {
    await sql.end();
  }
  const res = await postGraphQL<{ login: { accessToken?: string } }>(
    stack.gatewayUrl,
    "mutation($input: LoginInput!) { login(input: $input) { ... on Session { accessToken } ... on AuthError { code message } } }",
    { input: { email, password: PASSWORD, tenantSlug: slug } },
  );
  const token = res.data?.login.accessToken;
  if (!token) throw new Error(`tenant admin login: ${JSON.stringify(res)}`);
  return { token, userId, email, password: PASSWORD };
}
