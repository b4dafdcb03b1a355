import type { IdentityContext } from "../context.ts";
import {
  createTenant,
  currentTenantDefinition,
  platformTenants,
  saveTenantConfiguration,
  tenantConfiguration,
} from "./service.ts";
import type { NewTenant } from "./template.ts";

const typename = (r: { __typename: string }) => r.__typename;

export const tenantConfigResolvers = {
  Query: {
    tenantConfiguration: (_: unknown, __: unknown, ctx: IdentityContext) => tenantConfiguration(ctx),
    platformTenants: (_: unknown, __: unknown, ctx: IdentityContext) => platformTenants(ctx),
    currentTenantDefinition: (_: unknown, __: unknown, ctx: IdentityContext) => currentTenantDefinition(ctx),
  },
  Mutation: {
    saveTenantConfiguration: (
      _: unknown,
      a: { definition: unknown; comment?: string | null; logoBase64?: string | null },
      ctx: IdentityContext,
    ) => saveTenantConfiguration(ctx, a),
    createTenant: (_: unknown, a: { input: NewTenant }, ctx: IdentityContext) => createTenant(ctx, a.input),
  },
  SaveTenantConfigResult: { __resolveType: typename },
  CreateTenantResult: { __resolveType: typename },
};
