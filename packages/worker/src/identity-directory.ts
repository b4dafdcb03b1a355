import { randomUUID } from "node:crypto";
import { INTERNAL_TOKEN_HEADER, REQUEST_ID_HEADER, signServiceToken } from "@dpp/auth";
import { z } from "zod";
import type { DirectoryUser, UserDirectory } from "./outbox.ts";

export interface IdentityDirectoryOptions {
  /** Base URL of the identity subgraph, e.g. http://127.0.0.1:4001 (…/graphql is appended). */
  identityUrl: string;
  internalTokenSecret: string;
  timeoutMs?: number;
  fetch?: typeof fetch;
}

const USER_QUERY =
  "query($r:[_Any!]!){ _entities(representations:$r){ ... on User { email fullName notificationPhone } } }";

const responseSchema = z.object({
  data: z
    .object({
      _entities: z.array(
        z
          .object({
            email: z.string().nullish(),
            fullName: z.string().nullish(),
            notificationPhone: z.string().nullish(),
          })
          .nullable(),
      ),
    })
    .nullish(),
  errors: z.array(z.object({ message: z.string() })).nullish(),
});

/**
 * The production directory: asks the identity subgraph for a User entity, as the gateway would,
 * with a service token for the worker scoped to the event's tenant. Transport and GraphQL errors
 * throw (the job is retried); an unknown user is null.
 */
export function createIdentityDirectory(opts: IdentityDirectoryOptions): UserDirectory {
  const url = `${opts.identityUrl.replace(/\/+$/, "")}/graphql`;
  const doFetch = opts.fetch ?? fetch;
  return {
    async userById(tenantId, userId): Promise<DirectoryUser | null> {
      const requestId = `wrk-${randomUUID()}`;
      const token = await signServiceToken("worker", tenantId, opts.internalTokenSecret, requestId);
      const res = await doFetch(url, {
        method: "POST",
        headers: {
          "content-type": "application/json",
          [INTERNAL_TOKEN_HEADER]: token,
          [REQUEST_ID_HEADER]: requestId,
        },
        body: JSON.stringify({ query: USER_QUERY, variables: { r: [{ __typename: "User", id: userId }] } }),
        signal: AbortSignal.timeout(opts.timeoutMs ?? 10_000),
      });
      const text = await res.text();
      let json: unknown;
      try {
        json = JSON.parse(text);
      } catch {
        throw new Error(`identity: HTTP ${res.status}, not JSON: ${text.slice(0, 200)}`);
      }
      const body = responseSchema.parse(json);
      const firstError = body.errors?.[0];
      if (firstError) throw new Error(`identity: ${firstError.message}`);
      if (!res.ok) throw new Error(`identity: HTTP ${res.status}`);
      const user = body.data?._entities[0];
      if (!user?.email) return null;
      return { email: user.email, fullName: user.fullName ?? "", phone: user.notificationPhone ?? null };
    },
    async companyName(tenantId, companyId): Promise<string | null> {
      const requestId = `wrk-${randomUUID()}`;
      const token = await signServiceToken("worker", tenantId, opts.internalTokenSecret, requestId);
      const res = await doFetch(url, {
        method: "POST",
        headers: { "content-type": "application/json", [INTERNAL_TOKEN_HEADER]: token, [REQUEST_ID_HEADER]: requestId },
        body: JSON.stringify({
          query: COMPANY_QUERY,
          variables: { r: [{ __typename: "DealerCompany", id: companyId }] },
        }),
        signal: AbortSignal.timeout(opts.timeoutMs ?? 10_000),
      });
      const body = companySchema.parse(await res.json());
      const firstError = body.errors?.[0];
      if (firstError) throw new Error(`identity: ${firstError.message}`);
      return body.data?._entities[0]?.name ?? null;
    },
  };
}

const COMPANY_QUERY = "query($r:[_Any!]!){ _entities(representations:$r){ ... on DealerCompany { name } } }";
const companySchema = z.object({
  data: z.object({ _entities: z.array(z.object({ name: z.string() }).nullable()) }).nullish(),
  errors: z.array(z.object({ message: z.string() })).nullish(),
});
