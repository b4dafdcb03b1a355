import { Logger } from "graphile-worker";
import { pino } from "pino";

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

/**
 * graphile-worker's logger as pino JSON lines (production): the job's scope (task, job id,
 * attempt) and graphile-worker's meta travel as fields; `service: "worker"` on every line.
 */
export function pinoWorkerLogger(
  level: WorkerLogLevel = "info",
  destination: { write(line: string): void } = process.stdout,
): Logger {
  const log = pino({ level: level === "warning" ? "warn" : level, base: { service: "worker" } }, destination);
  return new Logger((scope) => (lvl, message, meta) => {
    const fields = {
      task: scope.taskIdentifier,
      jobId: scope.jobId,
      workerId: scope.workerId,
      ...(meta as Record<string, unknown> | undefined),
    };
    if (lvl === "error") log.error(fields, message);
    else if (lvl === "warning") log.warn(fields, message);
    else if (lvl === "debug") log.debug(fields, message);
    else log.info(fields, message);
  });
}
