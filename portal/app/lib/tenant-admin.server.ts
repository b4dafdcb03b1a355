import type { Client } from "@urql/core";
import { ViewerQuery } from "../graphql/auth";
import { type Definition, SaveTenantConfigurationMutation, TenantConfigurationQuery } from "../graphql/tenant-admin";
import { forbiddenAs403 } from "./account.server";
import { mutate, query } from "./gateway.server";

/** What an admin form shows after a save: the outcome and each problem at its definition path. */
export interface AdminFormState {
  ok?: string;
  error?: string;
  problems?: Record<string, string>;
}

/** The tenant admin pages: 403 for anyone but the tenant's admin (or the platform admin). */
export async function requireTenantAdmin(client: Client) {
  const { viewer } = await query(client, ViewerQuery, {});
  if (!viewer?.roles.some((r) => r === "tenant_admin" || r === "platform_admin")) {
    throw new Response("Только для администратора поставщика", { status: 403 });
  }
  return viewer;
}

/** The current definition, its versions and the statuses of orders' current workflow. */
export async function loadConfiguration(client: Client) {
  await requireTenantAdmin(client);
  const d = await forbiddenAs403(query(client, TenantConfigurationQuery, {}));
  return { ...d.tenantConfiguration, statuses: d.orderWorkflow.statuses };
}

/** Saves the whole definition as a new version; problems keyed by their path. */
export async function saveDefinition(
  client: Client,
  definition: Definition,
  opts: { comment?: string | null; logoBase64?: string | null; problems?: Record<string, string> } = {},
): Promise<AdminFormState> {
  if (opts.problems && Object.keys(opts.problems).length > 0) {
    return { error: "Исправьте выделенные поля", problems: opts.problems };
  }
  const r = (
    await forbiddenAs403(
      mutate(client, SaveTenantConfigurationMutation, {
        definition,
        comment: opts.comment?.trim() || null,
        logoBase64: opts.logoBase64 ?? null,
      }),
    )
  ).saveTenantConfiguration;
  if (r.__typename === "TenantConfigSaved") {
    return { ok: r.changed ? `Сохранено: версия ${r.version}` : "Изменений нет — версия не создана" };
  }
  return {
    error: r.message,
    problems: Object.fromEntries(r.problems.map((p) => [p.path, p.message])),
  };
}
