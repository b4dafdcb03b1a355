import { createServer as createHttpServer } from "node:http";
import type { AddressInfo } from "node:net";
import { ApolloServer } from "@apollo/server";
import { buildSubgraphSchema } from "@apollo/subgraph";
import { INTERNAL_TOKEN_HEADER, signAccessToken, verifyInternalToken } from "@dpp/auth";
import { listen } from "@dpp/server";
import { postGraphQL, TEST_INTERNAL_SECRET } from "@dpp/testkit";
import express from "express";
import { parse } from "graphql";
import { type CryptoKey, exportJWK, generateKeyPair } from "jose";
import { pino } from "pino";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { composeFromSdl } from "../src/compose.ts";
import { createServer } from "../src/server.ts";

/**
 * In-flight deduplication: concurrent identical queries of ONE caller share one execution;
 * different callers, mutations and failed answers never share. The subgraph is real (Apollo,
 * federation) and answers slowly, so that requests sent together are in flight together.
 */
const ISSUER = "dpp-identity-test";
const KID = "dedup-key";
const SDL = `extend schema @link(url: "https://specs.apollo.dev/federation/v2.3", import: ["@key"])
  "Who the subgraph was told the caller is."
  type Caller { "User id from the internal token." userId: String "Tenant from the internal token." tenantId: String }
  type Query { "The caller as the subgraph sees it." whoami: Caller "Always fails." broken: String }
  type Mutation { "Counts and returns the caller." touch: Caller }`;

let executions = 0;
const cleanups: (() => Promise<void>)[] = [];
let signingKey: CryptoKey;
const urls: Record<"shared" | "every", string> = { shared: "", every: "" };

const tokenFor = (userId: string, tenantId: string) =>
  signAccessToken(
    { userId, tenantId, companyId: null, roles: ["dealer_admin"], permissions: [] },
    { privateKey: signingKey, kid: KID },
    { issuer: ISSUER, ttlSeconds: 300 },
  );

beforeAll(async () => {
  const caller = async (_: unknown, __: unknown, ctx: unknown) => {
    executions++;
    const { actor } = await verifyInternalToken((ctx as { token?: string }).token, TEST_INTERNAL_SECRET);
    await new Promise((r) => setTimeout(r, 150));
    return actor.kind === "anonymous" ? { userId: null, tenantId: null } : actor;
  };
  const subgraph = new ApolloServer<{ token?: string }>({
    schema: buildSubgraphSchema({
      typeDefs: parse(SDL),
      resolvers: {
        Query: {
          whoami: caller,
          broken: async () => {
            executions++;
            await new Promise((r) => setTimeout(r, 150));
            throw new Error("broken on purpose");
          },
        },
        Mutation: { touch: caller },
      },
    }),
  });
  await subgraph.start();
  const http = createHttpServer(async (req, res) => {
    const chunks: Buffer[] = [];
    for await (const c of req) chunks.push(c as Buffer);
    const answer = await subgraph.executeOperation(JSON.parse(Buffer.concat(chunks).toString()), {
      contextValue: { token: String(req.headers[INTERNAL_TOKEN_HEADER] ?? "") },
    });
    const single = answer.body.kind === "single" ? answer.body.singleResult : {};
    res.writeHead(200, { "content-type": "application/json" }).end(JSON.stringify(single));
  });
  await new Promise<void>((r) => http.listen(0, "127.0.0.1", r));
  cleanups.push(async () => {
    http.close();
    await subgraph.stop();
  });
  const subgraphUrl = `http://127.0.0.1:${(http.address() as AddressInfo).port}/graphql`;

  const pair = await generateKeyPair("ES256");
  signingKey = pair.privateKey;
  const jwk = { ...(await exportJWK(pair.publicKey)), kid: KID, alg: "ES256", use: "sig" };
  const jwksApp = express();
  jwksApp.get("/.well-known/jwks.json", (_req, res) => void res.json({ keys: [jwk] }));
  const jwks = await listen(jwksApp, 0);
  cleanups.push(() => jwks.close());

  for (const kind of ["shared", "every"] as const) {
    const gateway = await createServer({
      supergraphSdl: composeFromSdl([{ name: "who", url: subgraphUrl, typeDefs: SDL }]),
      subgraphUrls: { who: subgraphUrl },
      jwksUrl: `${jwks.url}/.well-known/jwks.json`,
      issuer: ISSUER,
      internalTokenSecret: TEST_INTERNAL_SECRET,
      logger: pino({ level: "silent" }),
      deduplicate: kind === "shared",
    });
    const g = await listen(gateway.app, 0);
    cleanups.push(async () => {
      await g.close();
      await gateway.stop();
    });
    urls[kind] = `${g.url}/graphql`;
  }
});

afterAll(async () => {
  for (const c of cleanups.reverse()) await c();
});

const WHOAMI = "query Who { whoami { userId tenantId } }";
const counted = async <T>(run: () => Promise<T>) => {
  const before = executions;
  const result = await run();
  return { result, executions: executions - before };
};

describe("in-flight deduplication", () => {
  it("answers concurrent identical queries of one caller with one execution", async () => {
    const token = await tokenFor("usr_a", "ten_a");
    const { result, executions: n } = await counted(() =>
      Promise.all([1, 2, 3].map(() => postGraphQL(urls.shared, WHOAMI, {}, { authorization: `Bearer ${token}` }))),
    );
    expect(n).toBe(1);
    for (const r of result) expect(r.data).toEqual({ whoami: { userId: "usr_a", tenantId: "ten_a" } });
  });

  it("never shares one caller's answer with another caller", async () => {
    const a = await tokenFor("usr_a", "ten_a");
    const b = await tokenFor("usr_b", "ten_b");
    // Same user, another token: also not shared (the credential is part of the key).
    const a2 = await tokenFor("usr_a", "ten_a");
    const { result, executions: n } = await counted(() =>
      Promise.all(
        [a, b, a2, undefined].map((t) =>
          postGraphQL(urls.shared, WHOAMI, {}, t ? { authorization: `Bearer ${t}` } : {}),
        ),
      ),
    );
    expect(n).toBe(a === a2 ? 3 : 4);
    expect(result.map((r) => r.data)).toEqual([
      { whoami: { userId: "usr_a", tenantId: "ten_a" } },
      { whoami: { userId: "usr_b", tenantId: "ten_b" } },
      { whoami: { userId: "usr_a", tenantId: "ten_a" } },
      { whoami: { userId: null, tenantId: null } },
    ]);
  });

  it("executes every mutation, and every query when deduplication is off", async () => {
    const token = { authorization: `Bearer ${await tokenFor("usr_a", "ten_a")}` };
    const mutations = await counted(() =>
      Promise.all([1, 2].map(() => postGraphQL(urls.shared, "mutation { touch { userId } }", {}, token))),
    );
    expect(mutations.executions).toBe(2);
    const every = await counted(() => Promise.all([1, 2].map(() => postGraphQL(urls.every, WHOAMI, {}, token))));
    expect(every.executions).toBe(2);
    for (const r of every.result) expect(r.data).toEqual({ whoami: { userId: "usr_a", tenantId: "ten_a" } });
  });

  it("does not share an answer with errors: each caller gets its own request id", async () => {
    const token = { authorization: `Bearer ${await tokenFor("usr_a", "ten_a")}` };
    const { result } = await counted(() =>
      Promise.all([1, 2].map(() => postGraphQL(urls.shared, "{ broken }", {}, token))),
    );
    const ids = result.map((r) => r.errors?.[0]?.extensions?.requestId);
    expect(ids[0]).toEqual(expect.any(String));
    expect(ids[1]).toEqual(expect.any(String));
    expect(ids[0]).not.toBe(ids[1]);
  });
});
