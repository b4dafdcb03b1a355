import autocannon from "autocannon";
import { stats } from "../src/measure.ts";

/**
 * Child process (pinned apart from the gateway): autocannon against one gateway. Every response
 * must be a 200 of exactly the expected size without "errors"; prints one JSON line of results.
 */
const { url, body, connections, seconds, bytes } = JSON.parse(String(process.argv[2])) as {
  url: string;
  body: string;
  connections: number;
  seconds: number;
  bytes: number;
};
const latencies: number[] = [];
const instance = autocannon({
  url,
  method: "POST",
  headers: { "content-type": "application/json" },
  body,
  connections,
  duration: seconds,
  // Slow is measured, not failed: on a loaded machine an answer may take seconds.
  timeout: 60,
  verifyBody: (b: string) => b.length === bytes && !b.includes('"errors"'),
});
instance.on("response", (_client: unknown, _status: number, _bytes: number, ms: number) => latencies.push(ms));
const r = await instance;
const s = stats(latencies);
process.stdout.write(
  `${JSON.stringify({
    requests: r.requests.total,
    rps: Math.round((latencies.length / seconds) * 10) / 10,
    p50: s.p50,
    p95: s.p95,
    p99: s.p99,
    bad: r.errors + r.timeouts + r.non2xx + r.mismatches,
  })}\n`,
);
