import { createServer, type IncomingMessage } from "node:http";
import type { AddressInfo } from "node:net";
import { INTERNAL_TOKEN_HEADER, verifyInternalToken } from "@dpp/auth";
import { TEST_INTERNAL_SECRET } from "@dpp/testkit";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createIdentityDirectory } from "../src/index.ts";

interface Seen {
  actor: unknown;
  body: { query: string; variables: { r: { __typename: string; id: string }[] } };
}

/** A stand-in identity subgraph over HTTP: checks the worker's service token, answers _entities. */
let url: string;
const seen: Seen[] = [];
let reply: (id: string) => { status: number; body: unknown } = () => ({ status: 200, body: {} });
const server = createServer(async (req: IncomingMessage, res) => {
  const chunks: Buffer[] = [];
  for await (const c of req) chunks.push(c as Buffer);
  const body = JSON.parse(Buffer.concat(chunks).toString("utf8")) as Seen["body"];
  const header = req.headers[INTERNAL_TOKEN_HEADER];
  try {
    const identity = await verifyInternalToken(typeof header === "string" ? header : undefined, TEST_INTERNAL_SECRET);
    seen.push({ actor: identity.actor, body });
  } catch {
    res.writeHead(401, { "content-type": "application/json" }).end('{"errors":[{"message":"missing gateway proof"}]}');
    return;
  }
  const r = reply(body.variables.r[0]?.id ?? "");
  res.writeHead(r.status, { "content-type": "application/json" }).end(JSON.stringify(r.body));
});

beforeAll(async () => {
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", () => resolve()));
  url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(async () => {
  await new Promise<void>((resolve) => server.close(() => resolve()));
});

describe("createIdentityDirectory", () => {
  it("asks identity for the User entity with a worker service token for the tenant", async () => {
    reply = () => ({
      status: 200,
      body: {
        data: { _entities: [{ email: "ivan@example.ru", fullName: "Иван", notificationPhone: "+7 916 555-12-34" }] },
      },
    });
    const directory = createIdentityDirectory({ identityUrl: `${url}/`, internalTokenSecret: TEST_INTERNAL_SECRET });
    expect(await directory.userById("ten_keaz", "usr_ivan")).toEqual({
      email: "ivan@example.ru",
      fullName: "Иван",
      phone: "+7 916 555-12-34",
    });
    expect(seen.at(-1)?.actor).toEqual({ kind: "service", service: "worker", tenantId: "ten_keaz" });
    expect(seen.at(-1)?.body.variables.r).toEqual([{ __typename: "User", id: "usr_ivan" }]);
    expect(seen.at(-1)?.body.query).toContain("... on User { email fullName notificationPhone }");
  });

  it("returns null for a user identity does not know", async () => {
    reply = () => ({ status: 200, body: { data: { _entities: [null] } } });
    const directory = createIdentityDirectory({ identityUrl: url, internalTokenSecret: TEST_INTERNAL_SECRET });
    expect(await directory.userById("ten_keaz", "usr_missing")).toBeNull();
  });

  it("throws on a GraphQL error or a refused token, so the job is retried", async () => {
    reply = () => ({ status: 200, body: { data: null, errors: [{ message: "boom" }] } });
    const ok = createIdentityDirectory({ identityUrl: url, internalTokenSecret: TEST_INTERNAL_SECRET });
    await expect(ok.userById("ten_keaz", "usr_ivan")).rejects.toThrow("identity: boom");
    const forged = createIdentityDirectory({ identityUrl: url, internalTokenSecret: "y".repeat(40) });
    await expect(forged.userById("ten_keaz", "usr_ivan")).rejects.toThrow("identity: missing gateway proof");
  });
});
