import type { Client } from "@urql/core";
import type { AppLoadContext } from "react-router";
import { LogoutMutation, SwitchTenantMutation, ViewerQuery } from "../graphql/auth";
import type { Auth } from "./auth.server";
import { sessionTokens } from "./auth.server";
import { mutate, query } from "./gateway.server";

/** A tenant the signed-in dealer works with, as the brand switcher shows it. */
export interface Brand {
  slug: string;
  name: string;
  primary: string;
  onPrimary: string;
  current: boolean;
}

export type BrandOutcome<T> = { brand: Brand; result: T } | { brand: Brand; error: string };

/**
 * Runs `fn` once per brand the user is a dealer of, each under that tenant's own verified session:
 * the current brand with the session's token; any other brand with a short-lived session identity
 * issues for that membership (switchTenant), ended right after (logout). Nothing crosses tenants
 * but what `fn` returns; a brand identity refuses (blocked, view-only) is reported, not skipped.
 */
export async function forEachBrand<T>(
  auth: Auth,
  context: AppLoadContext,
  fn: (client: Client, brand: Brand) => Promise<T>,
): Promise<BrandOutcome<T>[]> {
  const { viewer } = await query(auth.client, ViewerQuery, {});
  if (!viewer) return [];
  const brands: Brand[] = viewer.memberships
    .filter((m) => m.company !== null)
    .map((m) => ({
      slug: m.tenant.slug,
      name: m.tenant.name,
      primary: m.tenant.branding.primary,
      onPrimary: m.tenant.branding.onPrimary,
      current: m.tenant.slug === viewer.tenant.slug,
    }));
  return Promise.all(
    brands.map(async (brand): Promise<BrandOutcome<T>> => {
      if (brand.current) return { brand, result: await fn(auth.client, brand) };
      const switched = (await mutate(auth.client, SwitchTenantMutation, { s: brand.slug })).switchTenant;
      const tokens = sessionTokens(switched);
      if (!tokens) return { brand, error: switched.__typename === "AuthError" ? switched.message : "Нет доступа" };
      try {
        return { brand, result: await fn(context.gateway(tokens.accessToken), brand) };
      } finally {
        await mutate(context.gateway(), LogoutMutation, { r: tokens.refreshToken });
      }
    }),
  );
}
