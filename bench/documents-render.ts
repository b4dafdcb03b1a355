import { actLayout, layoutOf, renderPdf, renderXlsx } from "@dpp/documents";
import { bigAct, bigInvoice } from "@dpp/documents/testing";
import { type Stats, sequential, stats } from "./src/measure.ts";

/** CPU milliseconds (user + system) per call: steadier than wall time on a shared machine. */
async function cpuTime(call: () => Promise<void>, n: number, warmup: number): Promise<Stats> {
  for (let i = 0; i < warmup; i++) await call();
  const samples: number[] = [];
  for (let i = 0; i < n; i++) {
    const before = process.cpuUsage();
    await call();
    const used = process.cpuUsage(before);
    samples.push((used.user + used.system) / 1000);
  }
  return stats(samples);
}

/**
 * Document rendering, warm (after a first render in the process): a 200-line invoice PDF (goal
 * ≤ 300 ms) and an act of 10,000 operations as PDF and XLSX (goal ≤ 2 s), each as wall time and
 * as CPU time (the process' user + system time, which other load on the machine does not inflate).
 * `--smoke`: 20 lines, 500 operations, few runs.
 */
export async function documentsRender(opts: { smoke: boolean }): Promise<Record<string, Stats>> {
  const lines = opts.smoke ? 20 : 200;
  const ops = opts.smoke ? 500 : 10_000;
  const runs = opts.smoke ? 3 : 15;
  const actRuns = opts.smoke ? 2 : 5;
  const invoice = bigInvoice(lines);
  const act = bigAct(ops);
  const invoicePdf = async () => {
    await renderPdf(layoutOf(invoice));
  };
  const actPdf = async () => {
    await renderPdf(actLayout(act));
  };
  const actXlsx = async () => {
    await renderXlsx(actLayout(act));
  };
  return {
    [`invoice ${lines} lines PDF`]: await sequential(invoicePdf, runs, 2),
    [`invoice ${lines} lines PDF, CPU ms`]: await cpuTime(invoicePdf, runs, 0),
    [`act ${ops} operations PDF`]: await sequential(actPdf, actRuns, 1),
    [`act ${ops} operations PDF, CPU ms`]: await cpuTime(actPdf, actRuns, 0),
    [`act ${ops} operations XLSX`]: await sequential(actXlsx, actRuns, 1),
    [`act ${ops} operations XLSX, CPU ms`]: await cpuTime(actXlsx, actRuns, 0),
  };
}
