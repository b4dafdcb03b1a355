import { describe, expect, it } from "vitest";
import { actLayout, layoutOf } from "../layouts/index.ts";
import { bigAct, bigInvoice, keazDocument } from "../testing.ts";
import { textWidth, wrapText } from "./metrics.ts";
import { BAND_HEIGHT, MARGIN, PAGE, planPdf } from "./paginate.ts";
import { rowsHeight } from "./table.ts";

describe("wrapText", () => {
  it.each([
    ["fits on one line", "Выключатель", 200, ["Выключатель"]],
    [
      "breaks between words",
      "Выключатель автоматический модульный",
      90,
      ["Выключатель", "автоматический", "модульный"],
    ],
    ["keeps explicit line breaks", "ООО «Ромашка»\nПолучатель", 200, ["ООО «Ромашка»", "Получатель"]],
    ["splits a word wider than the cell", "40702810900000012345", 40, ["4070281", "0900000", "012345"]],
  ])("%s", (_, text, width, lines) => {
    const wrapped = wrapText(text, width, 8);
    expect(wrapped).toEqual(lines);
    for (const line of wrapped) expect(textWidth(line, 8)).toBeLessThanOrEqual(width);
  });
});

describe("planPdf", () => {
  it.each([
    ["a 200-line invoice", layoutOf(bigInvoice(200))],
    ["a 1,000-operation act", actLayout(bigAct(1000))],
    ["a one-line УПД", layoutOf(keazDocument("upd"))],
  ])("puts every row of %s on exactly one page, in order, within the page", (_, layout) => {
    const plan = planPdf(layout);
    expect(plan.pages.flat()).toEqual(layout.rows.map((_, i) => i));
    const page = PAGE[layout.orientation];
    const room = page.height - MARGIN.top - MARGIN.bottom - BAND_HEIGHT;
    for (const rows of plan.pages.slice(1)) {
      expect(rowsHeight(plan.head) + rowsHeight(plan.body.filter((_, i) => rows.includes(i)))).toBeLessThan(room);
    }
  });
});
