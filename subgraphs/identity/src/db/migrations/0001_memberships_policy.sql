-- A membership is visible inside its tenant's transaction (withTenant) and, across tenants, to
-- its own user (withUser): login and the viewer list a user's tenants before one is chosen.
-- migrateAll sees this policy and only adds ENABLE + FORCE ROW LEVEL SECURITY.
CREATE POLICY member_access ON identity.memberships
  USING (tenant_id = current_setting('app.tenant_id', true) OR user_id = current_setting('app.user_id', true))
  WITH CHECK (tenant_id = current_setting('app.tenant_id', true));
