import { type ChildProcess, spawn } from "node:child_process";
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { isDeepStrictEqual } from "node:util";
import { GUILD_BODY } from "./query.ts";
import { composeGuildSupergraph } from "./supergraph.ts";

/**
 * The Guild's gateway benchmark, side by side in one run: each gateway in its own process pinned
 * to core 0 (`taskset`), the subgraphs and autocannon on core 1; 50 connections, no think time,
 * a warm-up, then the measured run; every response checked (200, expected size, no errors).
 * Gateways are run in turn, repeated, and each figure is the median of the repeats (min/max kept).
 */
const here = path.dirname(fileURLToPath(import.meta.url));
const root = path.resolve(here, "../..");
const hiveBin = path.join(root, "node_modules/@graphql-hive/gateway/dist/bin.js");
const tsx = ["--import", "tsx"];

interface Run {
  rps: number;
  p50: number;
  p95: number;
  p99: number;
  rssMb: number;
}
type Spread = { median: number; min: number; max: number };
export type GuildFigures = Record<keyof Run, Spread> & { runs: Run[]; label: string };

const GATEWAYS: { name: string; label: string; args: (port: number, supergraph: string) => string[] }[] = [
  {
    name: "ours",
    label: "our gateway as shipped (safe in-flight deduplication)",
    args: (p, s) => [...tsx, path.join(here, "gateway-main.ts"), "ours", String(p), s],
  },
  {
    name: "oursEvery",
    label: "our gateway, every request executed",
    args: (p, s) => [...tsx, path.join(here, "gateway-main.ts"), "ours-every", String(p), s],
  },
  {
    name: "apollo",
    label: "plain @apollo/gateway, defaults",
    args: (p, s) => [...tsx, path.join(here, "gateway-main.ts"), "apollo", String(p), s],
  },
  {
    name: "hive",
    label: "Hive Gateway, defaults",
    args: (p, s) => [hiveBin, "supergraph", s, "--port", String(p), "--host", "127.0.0.1", "--fork", "1"],
  },
  {
    name: "hiveBench",
    label: "Hive Gateway, its benchmark settings (--jit, inbound dedup)",
    args: (p, s) => [
      hiveBin,
      "supergraph",
      s,
      "--port",
      String(p),
      "--host",
      "127.0.0.1",
      "--fork",
      "1",
      "--jit",
      "-c",
      path.join(here, "hive-gateway.config.ts"),
    ],
  },
];

export async function guildBench(opts: { smoke: boolean; only?: string[] }) {
  const seconds = opts.smoke ? 3 : Number(process.env.GUILD_SECONDS ?? 30);
  const warmup = opts.smoke ? 1 : 5;
  const repeats = opts.smoke ? 1 : Number(process.env.GUILD_REPEATS ?? 3);
  const pinned = os.availableParallelism() >= 2;
  const start = (core: number, args: string[], env: Record<string, string> = {}) =>
    spawn(pinned ? "taskset" : process.execPath, pinned ? ["-c", String(core), process.execPath, ...args] : args, {
      cwd: root,
      env: { ...process.env, LOG_LEVEL: process.env.LOG_LEVEL ?? "info", ...env },
      stdio: ["ignore", "pipe", "inherit"],
    });
  const dir = mkdtempSync(path.join(os.tmpdir(), "dpp-guild-"));
  const subgraphs = start(1, [...tsx, path.join(here, "subgraphs-main.ts")]);
  try {
    const urls = JSON.parse(await firstLine(subgraphs)) as Record<string, string>;
    const supergraph = path.join(dir, "supergraph.graphql");
    writeFileSync(supergraph, composeGuildSupergraph(urls));
    const gateways = GATEWAYS.filter((g) => !opts.only || opts.only.includes(g.name));
    const runs: Record<string, Run[]> = {};
    let reference: unknown;
    for (let r = 0; r < repeats; r++) {
      for (const g of gateways) {
        const port = 4600 + GATEWAYS.indexOf(g);
        // Hive Gateway in production mode (as in its benchmark); its output is not ours to read.
        const gw = start(0, g.args(port, supergraph), { NODE_ENV: "production" });
        gw.stdout?.resume();
        try {
          const url = `http://127.0.0.1:${port}/graphql`;
          const body = await firstAnswer(url, gw);
          const data = (JSON.parse(body) as { data: unknown }).data;
          reference ??= data;
          if (!isDeepStrictEqual(data, reference)) throw new Error(`${g.name} answers differently`);
          // Each gateway's own answer length (Apollo Server ends its JSON with a newline).
          const bytes = body.length;
          await load(url, warmup, bytes);
          const rss = sampleRss(gw.pid ?? 0);
          const result = await load(url, seconds, bytes);
          const list = runs[g.name] ?? [];
          list.push({ ...result, rssMb: rss.stop() });
          runs[g.name] = list;
        } finally {
          await stop(gw);
        }
      }
    }
    const figures: Record<string, GuildFigures> = {};
    for (const g of gateways) figures[g.name] = summarize(g.label, runs[g.name] ?? []);
    const rps = (n: string) => figures[n]?.rps.median ?? Number.NaN;
    // No ratio when a gateway completed nothing (a smoke run on a saturated machine).
    const ratio = (a: string, b: string) => (rps(b) > 0 ? Math.round((rps(a) / rps(b)) * 100) / 100 : null);
    const version = (pkg: string) =>
      (JSON.parse(readFileSync(path.join(root, "node_modules", pkg, "package.json"), "utf8")) as { version: string })
        .version;
    return {
      setup: {
        seconds,
        warmup,
        repeats,
        connections: 50,
        pinned,
        responseBytes: JSON.stringify({ data: reference }).length,
      },
      versions: {
        node: process.version,
        "@apollo/gateway": version("@apollo/gateway"),
        "@apollo/server": version("@apollo/server"),
        "@graphql-hive/gateway": version("@graphql-hive/gateway"),
        autocannon: version("autocannon"),
      },
      gateways: figures,
      ratios: {
        oursEveryVsApollo: ratio("oursEvery", "apollo"),
        oursVsApollo: ratio("ours", "apollo"),
        oursVsHiveBench: ratio("ours", "hiveBench"),
        hiveVsApollo: ratio("hive", "apollo"),
        hiveBenchVsApollo: ratio("hiveBench", "apollo"),
      },
    };
  } finally {
    await stop(subgraphs);
    rmSync(dir, { recursive: true, force: true });
  }
}

function load(url: string, seconds: number, bytes: number): Promise<Omit<Run, "rssMb">> {
  const args = JSON.stringify({ url, body: GUILD_BODY, connections: 50, seconds, bytes });
  const child = spawn(
    os.availableParallelism() >= 2 ? "taskset" : process.execPath,
    [
      ...(os.availableParallelism() >= 2 ? ["-c", "1", process.execPath] : []),
      ...tsx,
      path.join(here, "load-main.ts"),
      args,
    ],
    { cwd: root, stdio: ["ignore", "pipe", "inherit"] },
  );
  return firstLine(child).then((line) => {
    const r = JSON.parse(line) as Omit<Run, "rssMb"> & { bad: number; requests: number };
    if (r.bad > 0) throw new Error(`${r.bad} of ${r.requests} responses were errors or not the expected size`);
    return { rps: r.rps, p50: r.p50, p95: r.p95, p99: r.p99 };
  });
}

/** Polls until the gateway answers the query with data (start-up), returns the body. */
async function firstAnswer(url: string, child: ChildProcess): Promise<string> {
  const until = Date.now() + 60_000;
  while (Date.now() < until) {
    if (child.exitCode !== null) throw new Error(`gateway exited with ${child.exitCode}`);
    try {
      const res = await fetch(url, {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: GUILD_BODY,
      });
      const text = await res.text();
      if (res.ok && text.startsWith('{"data"') && !text.includes('"errors"')) return text;
      if (res.ok || res.status >= 500) throw new Error(`gateway answered ${res.status}: ${text.slice(0, 300)}`);
    } catch (error) {
      if (!(error instanceof TypeError)) throw error;
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error(`gateway at ${url} did not start`);
}

/** Peak resident memory (MB) of a process and its children, sampled every 250 ms. */
function sampleRss(pid: number) {
  let peak = 0;
  const tree = (p: number): number[] => {
    try {
      const kids = readdirSync(`/proc/${p}/task`).flatMap((t) =>
        readFileSync(`/proc/${p}/task/${t}/children`, "utf8").split(" ").filter(Boolean).map(Number),
      );
      return [p, ...kids.flatMap(tree)];
    } catch {
      return [];
    }
  };
  const kb = (p: number) => Number(/VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${p}/status`, "utf8"))?.[1] ?? 0);
  const timer = setInterval(() => {
    try {
      peak = Math.max(
        peak,
        tree(pid).reduce((sum, p) => sum + kb(p), 0),
      );
    } catch {
      // the process ended between listing and reading
    }
  }, 250);
  return {
    stop: () => {
      clearInterval(timer);
      return Math.round(peak / 1024);
    },
  };
}

function summarize(label: string, runs: Run[]): GuildFigures {
  const spread = (k: keyof Run): Spread => {
    const v = runs.map((r) => r[k]).sort((a, b) => a - b);
    return { median: v[Math.floor(v.length / 2)] ?? Number.NaN, min: v[0] ?? Number.NaN, max: v.at(-1) ?? Number.NaN };
  };
  return {
    label,
    runs,
    rps: spread("rps"),
    p50: spread("p50"),
    p95: spread("p95"),
    p99: spread("p99"),
    rssMb: spread("rssMb"),
  };
}

function firstLine(child: ChildProcess): Promise<string> {
  return new Promise((resolve, reject) => {
    let buf = "";
    const onData = (chunk: Buffer) => {
      buf += chunk.toString("utf8");
      const nl = buf.indexOf("\n");
      if (nl >= 0) {
        child.stdout?.off("data", onData);
        child.stdout?.resume();
        resolve(buf.slice(0, nl));
      }
    };
    child.stdout?.on("data", onData);
    child.once("exit", (code) => reject(new Error(`child exited with ${code} before answering`)));
  });
}

async function stop(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise((r) => child.once("exit", r));
  child.kill("SIGTERM");
  const timer = setTimeout(() => child.kill("SIGKILL"), 5000);
  await exited;
  clearTimeout(timer);
}
