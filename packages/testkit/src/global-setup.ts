import { chmod, mkdtemp, rm } from "node:fs/promises";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import path from "node:path";
import { type EmbeddedServer, startEmbeddedPostgres } from "@dpp/db";
import type { TestProject } from "vitest/node";

declare module "vitest" {
  export interface ProvidedContext {
    adminUrl: string;
  }
}

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = createServer();
    s.once("error", reject);
    s.listen(0, "127.0.0.1", () => {
      const { port } = s.address() as { port: number };
      s.close(() => resolve(port));
    });
  });
}

let server: EmbeddedServer | undefined;
let dir: string | undefined;

/**
 * One real PostgreSQL for the whole run: TEST_DATABASE_URL (an admin URL of an external server)
 * or an embedded server in a temporary directory. Every test file creates its own database.
 */
export async function setup(project: TestProject) {
  const external = process.env.TEST_DATABASE_URL;
  if (external) {
    project.provide("adminUrl", external);
    return;
  }
  // /tmp: the postgres system user must be able to traverse the data directory's parents.
  dir = await mkdtemp(path.join(tmpdir(), "dpp-test-pg-"));
  await chmod(dir, 0o755);
  server = await startEmbeddedPostgres({ dataDir: path.join(dir, "data"), port: await freePort(), fast: true });
  project.provide("adminUrl", server.url);
}

export async function teardown() {
  await server?.stop();
  if (dir) await rm(dir, { recursive: true, force: true });
}
