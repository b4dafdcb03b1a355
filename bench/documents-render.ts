import { actLayout, layoutOf, renderPdf, renderXlsx } from "@dpp/documents";
import { bigAct, bigInvoice } from "@dpp/documents/testing";
import { type Stats, sequential } from "./src/measure.ts";

/**
 * Document rendering, warm (after a first render in the process): a 200-line invoice PDF (goal
 * ≤ 300 ms), its layout alone (where the time is not), and an act of 10,000 operations as PDF and
 * XLSX (goal ≤ 2 s). `--smoke`: 20 lines, 500 operations, few runs.
 */
export async function documentsRender(opts: { smoke: boolean }): Promise<Record<string, Stats>> {
  const lines = opts.smoke ? 20 : 200;
  const ops = opts.smoke ? 500 : 10_000;
  const runs = opts.smoke ? 3 : 15;
  const invoice = bigInvoice(lines);
  const act = bigAct(ops);
  const invoicePdf = await sequential(
    async () => {
      await renderPdf(layoutOf(invoice));
    },
    runs,
    2,
  );
  const invoiceLayout = await sequential(
    async () => {
      layoutOf(invoice);
    },
    runs,
    2,
  );
  const actPdf = await sequential(
    async () => {
      await renderPdf(actLayout(act));
    },
    opts.smoke ? 2 : 3,
    1,
  );
  const actXlsx = await sequential(
    async () => {
      await renderXlsx(actLayout(act));
    },
    opts.smoke ? 2 : 3,
    1,
  );
  return {
    [`invoice ${lines} lines PDF`]: invoicePdf,
    [`invoice ${lines} lines layout only`]: invoiceLayout,
    [`act ${ops} operations PDF`]: actPdf,
    [`act ${ops} operations XLSX`]: actXlsx,
  };
}
