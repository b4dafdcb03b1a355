import { expect, it } from "vitest";
import { pinoWorkerLogger } from "./logger.ts";

it("writes graphile-worker's log lines as pino JSON with the job's scope, from the level up", () => {
  const lines: Record<string, unknown>[] = [];
  const logger = pinoWorkerLogger("warning", { write: (l) => lines.push(JSON.parse(l)) });
  const job = logger.scope({ taskIdentifier: "webhook_delivery", jobId: "42", workerId: "w1" });
  job.info("started");
  job.error("Failed task 42 (webhook_delivery) with error 'HTTP 500'", { attempts: 1 });
  expect(lines).toEqual([
    expect.objectContaining({
      level: 50,
      service: "worker",
      task: "webhook_delivery",
      jobId: "42",
      attempts: 1,
      msg: "Failed task 42 (webhook_delivery) with error 'HTTP 500'",
    }),
  ]);
});
