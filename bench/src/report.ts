import type { Stats } from "./measure.ts";

/** bench/results.md: every figure of a run as Markdown tables (the Guild table first, with ratios). */
interface Report {
  date: string;
  smoke: boolean;
  seconds: number;
  machine: { cpus: number; cpu?: string; memoryGb: number; node: string };
  results: Record<string, unknown>;
}
interface Spread {
  median: number;
  min: number;
  max: number;
}
interface Guild {
  setup: {
    seconds: number;
    warmup: number;
    repeats: number;
    connections: number;
    pinned: boolean;
    responseBytes: number;
  };
  versions: Record<string, string>;
  gateways: Record<string, { label: string; rps: Spread; p50: Spread; p95: Spread; p99: Spread; rssMb: Spread }>;
  ratios: Record<string, number | null>;
}

const isStats = (v: unknown): v is Stats => typeof v === "object" && v !== null && "p50" in v && "n" in v;
const isGuild = (v: unknown): v is Guild => typeof v === "object" && v !== null && "gateways" in v && "ratios" in v;
const isNumbers = (v: unknown): v is Record<string, number> =>
  typeof v === "object" && v !== null && Object.values(v).every((n) => typeof n === "number");
/** A group whose every value is a row of numbers (e.g. statements per operation). */
const isTableOfNumbers = (v: object): v is Record<string, Record<string, number>> =>
  Object.values(v).length > 0 && Object.values(v).every((row) => isNumbers(row) && !isStats(row));
const spread = (s: Spread) =>
  Number.isNaN(s.median) ? "–" : s.min === s.max ? `${s.median}` : `${s.median} (${s.min}–${s.max})`;

export function markdownReport(report: Report): string {
  const m = report.machine;
  const out = [
    `# Bench results (${report.smoke ? "smoke" : "full"})`,
    "",
    `${report.date} · ${m.cpus} × ${m.cpu ?? "?"} · ${m.memoryGb} GB · Node ${m.node} · ${report.seconds} s in all.`,
    "The machine is shared with other work: absolute figures are noisy, ratios within one run are what counts.",
    "",
  ];
  for (const [group, values] of Object.entries(report.results)) {
    if (isGuild(values)) {
      const s = values.setup;
      out.push(
        `## ${group}: The Guild's gateway benchmark`,
        "",
        `${s.connections} connections, ${s.warmup} s warm-up, ${s.seconds} s measured, median of ${s.repeats} run(s) (min–max); ` +
          `each gateway pinned to one core${s.pinned ? "" : " (not pinned: one CPU)"}; ${s.responseBytes} bytes per response, every one checked. ` +
          `Versions: ${Object.entries(values.versions)
            .map(([k, v]) => `${k} ${v}`)
            .join(", ")}.`,
        "",
        "| gateway | req/s | p50 ms | p95 ms | p99 ms | peak RSS MB |",
        "|---|---|---|---|---|---|",
      );
      for (const g of Object.values(values.gateways)) {
        out.push(
          `| ${g.label} | ${spread(g.rps)} | ${spread(g.p50)} | ${spread(g.p95)} | ${spread(g.p99)} | ${spread(g.rssMb)} |`,
        );
      }
      out.push("", "| ratio (median req/s) | × |", "|---|---|");
      for (const [k, v] of Object.entries(values.ratios)) out.push(`| ${k} | ${v ?? "–"} |`);
      out.push("");
      continue;
    }
    if (typeof values !== "object" || values === null) continue;
    if (isTableOfNumbers(values)) {
      const columns = Object.keys(Object.values(values)[0] ?? {});
      out.push(`## ${group}`, "", `| | ${columns.join(" | ")} |`, `|---|${columns.map(() => "---").join("|")}|`);
      for (const [row, v] of Object.entries(values)) out.push(`| ${row} | ${columns.map((c) => v[c]).join(" | ")} |`);
      out.push("");
      continue;
    }
    out.push(
      `## ${group}`,
      "",
      "| measure | n | p50 ms | p95 ms | p99 ms | min | max |",
      "|---|---|---|---|---|---|---|",
    );
    const scalars: string[] = [];
    for (const [name, v] of Object.entries(values)) {
      if (isStats(v)) out.push(`| ${name} | ${v.n} | ${v.p50} | ${v.p95} | ${v.p99} | ${v.min} | ${v.max} |`);
      else if (typeof v === "number" || typeof v === "string" || typeof v === "boolean")
        scalars.push(`- ${name}: ${v}`);
      else if (isNumbers(v))
        scalars.push(
          `- ${name}: ${Object.entries(v)
            .map(([k, n]) => `${k} ${n}`)
            .join(", ")}`,
        );
    }
    out.push("", ...scalars, "");
  }
  return `${out.join("\n")}\n`;
}
