import { runMigrations } from "graphile-worker";

export const QUEUE_SCHEMA = "graphile_worker";

/**
 * Installs (or upgrades) the job queue's own schema. Run with the admin URL before the
 * subgraphs' migrations: outbox triggers enqueue into it.
 */
export async function installJobQueue(adminUrl: string): Promise<void> {
  await runMigrations({ connectionString: adminUrl, schema: QUEUE_SCHEMA, logger: quietLogger() });
}

import { Logger } from "graphile-worker";

export function quietLogger(): Logger {
  return new Logger(() => (level: string, message: string) => {
    if (level === "error") console.error(`[worker] ${message}`);
  });
}
