import type { Client } from "@urql/core";
import type { AppLoadContext } from "react-router";
import { ViewerQuery } from "../graphql/auth";
import { type AccountResult, fieldErrors, PublicTenantQuery } from "../graphql/identity";
import type { FormState } from "./account-form";
import { ForbiddenError, query } from "./gateway.server";

export type { FormState } from "./account-form";

/** The tenant a public page is for: `?brand=` (links in mails) or `?tenant=` (the login page). */
export async function publicTenant(request: Request, context: AppLoadContext) {
  const url = new URL(request.url);
  const slug = url.searchParams.get("brand") ?? url.searchParams.get("tenant") ?? "";
  if (!slug) return null;
  const { tenant } = await query(context.gateway(), PublicTenantQuery, { slug });
  return tenant;
}

/** The token of a link in a mail. */
export const linkToken = (request: Request) => new URL(request.url).searchParams.get("token") ?? "";

export const text = (form: FormData, name: string) => String(form.get(name) ?? "").trim();
export const optional = (form: FormData, name: string) => text(form, name) || null;

export function stateOf(r: AccountResult, values: Record<string, string> = {}): FormState {
  if (r.__typename === "Accepted") return { ok: r.message };
  return { error: r.message, code: r.code, fields: fieldErrors(r.fields), values };
}

/** A page whose data the gateway refuses to this user: 403 with the gateway's reason. */
export async function forbiddenAs403<T>(p: Promise<T>): Promise<T> {
  try {
    return await p;
  } catch (error) {
    if (error instanceof ForbiddenError) throw new Response(error.message, { status: 403 });
    throw error;
  }
}

const STAFF_ROLES = new Set(["manager", "tenant_admin", "platform_admin"]);

/** A staff page of one registration mode: 403 for dealers and for tenants registering another way. */
export async function requireStaffPage(client: Client, mode: string) {
  const { viewer } = await query(client, ViewerQuery, {});
  if (!viewer?.roles.some((r) => STAFF_ROLES.has(r))) {
    throw new Response("Только для сотрудников поставщика", { status: 403 });
  }
  if (viewer.tenant.registrationMode !== mode) {
    throw new Response("Этот поставщик подключает дилеров иначе", { status: 404 });
  }
  return null;
}
