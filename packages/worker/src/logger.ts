import { Logger } from "graphile-worker";

export type WorkerLogLevel = "error" | "warning" | "info" | "debug";
const ORDER: WorkerLogLevel[] = ["error", "warning", "info", "debug"];

/**
 * graphile-worker's logger writing to the console: errors (failed jobs, with their retry count)
 * to console.error, warnings (unknown topics, unknown users) to console.warn, the rest to
 * console.log, from `level` up.
 */
export function consoleLogger(level: WorkerLogLevel = "warning"): Logger {
  const max = ORDER.indexOf(level);
  return new Logger(() => (lvl, message) => {
    const rank = ORDER.indexOf(lvl as WorkerLogLevel);
    if (rank < 0 || rank > max) return;
    if (lvl === "error") console.error(`[worker] ${message}`);
    else if (lvl === "warning") console.warn(`[worker] ${message}`);
    else console.log(`[worker] ${message}`);
  });
}
