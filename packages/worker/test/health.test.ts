import { describe, expect, it } from "vitest";
import { startHealthServer } from "../src/index.ts";

describe("health endpoint", () => {
  it("answers 200 when healthy, 503 when not, 404 elsewhere", async () => {
    let ok = true;
    const server = await startHealthServer(
      async () => (ok ? { ok, database: "ok", queue: "running" } : { ok, database: "down", queue: "running" }),
      0,
    );
    try {
      const good = await fetch(`${server.url}/health`);
      expect(good.status).toBe(200);
      expect(await good.json()).toEqual({ ok: true, database: "ok", queue: "running" });
      ok = false;
      expect((await fetch(`${server.url}/health`)).status).toBe(503);
      expect((await fetch(`${server.url}/other`)).status).toBe(404);
    } finally {
      await server.close();
    }
  });
});
