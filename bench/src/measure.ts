/** Latency statistics over repeated calls (ms), and a fixed-concurrency throughput run. */
export interface Stats {
  n: number;
  p50: number;
  p95: number;
  p99: number;
  min: number;
  max: number;
  mean: number;
}

export function stats(samples: number[]): Stats {
  const s = [...samples].sort((a, b) => a - b);
  const at = (q: number) => s[Math.min(s.length - 1, Math.floor(q * s.length))] ?? Number.NaN;
  const round = (v: number) => Math.round(v * 100) / 100;
  return {
    n: s.length,
    p50: round(at(0.5)),
    p95: round(at(0.95)),
    p99: round(at(0.99)),
    min: round(s[0] ?? Number.NaN),
    max: round(s.at(-1) ?? Number.NaN),
    mean: round(s.reduce((a, b) => a + b, 0) / Math.max(1, s.length)),
  };
}

/** Runs `call` `n` times one after another after `warmup` calls; returns per-call latency stats. */
export async function sequential(call: () => Promise<void>, n: number, warmup: number): Promise<Stats> {
  for (let i = 0; i < warmup; i++) await call();
  const samples: number[] = [];
  for (let i = 0; i < n; i++) {
    const t = performance.now();
    await call();
    samples.push(performance.now() - t);
  }
  return stats(samples);
}

/** Keeps `concurrency` calls in flight for `seconds`; returns requests per second. */
export async function throughput(call: () => Promise<void>, concurrency: number, seconds: number): Promise<number> {
  const end = performance.now() + seconds * 1000;
  let done = 0;
  const lane = async () => {
    while (performance.now() < end) {
      await call();
      done++;
    }
  };
  const start = performance.now();
  await Promise.all(Array.from({ length: concurrency }, lane));
  return Math.round((done / ((performance.now() - start) / 1000)) * 10) / 10;
}

/**
 * Calls `a` and `b` alternately `n` times each (after `warmup` pairs), so both see the same
 * machine load; returns the latency stats of each. For differences of a millisecond or less.
 */
export async function alternating(
  a: () => Promise<void>,
  b: () => Promise<void>,
  n: number,
  warmup: number,
): Promise<[Stats, Stats]> {
  for (let i = 0; i < warmup; i++) {
    await a();
    await b();
  }
  const sa: number[] = [];
  const sb: number[] = [];
  for (let i = 0; i < n; i++) {
    let t = performance.now();
    await a();
    sa.push(performance.now() - t);
    t = performance.now();
    await b();
    sb.push(performance.now() - t);
  }
  return [stats(sa), stats(sb)];
}
