import { describe, expect, it } from "vitest";
import { documentsAt } from "./documents.ts";

// wasserkraft-like: closing documents only once shipped; keaz-like: the invoice from "invoiced" on.
const types = [
  {
    code: "invoice",
    label: "Счет на оплату",
    formats: ["html", "xlsx", "pdf"],
    availableAt: ["invoiced", "production", "completed"],
  },
  {
    code: "commercial_proposal",
    label: "Коммерческое предложение",
    formats: ["pdf", "xlsx"],
    availableAt: ["invoiced", "production", "completed", "rejected"],
  },
  { code: "waybill", label: "Товарная накладная", formats: ["pdf", "xlsx"], availableAt: ["completed"] },
];

describe("documentsAt", () => {
  it.each([
    ["draft", []],
    ["invoiced", ["invoice", "commercial_proposal"]],
    ["completed", ["invoice", "commercial_proposal", "waybill"]],
    ["rejected", ["commercial_proposal"]],
    ["unknown", []],
  ])("at %s -> %j", (status, codes) => {
    expect(documentsAt(types, status).map((d) => d.type.code)).toEqual(codes);
  });

  it("offers the type's formats", () => {
    expect(documentsAt(types, "completed")[2]).toEqual({
      type: { code: "waybill", label: "Товарная накладная", formats: ["pdf", "xlsx"] },
      formats: ["pdf", "xlsx"],
    });
  });

  it("has nothing when the tenant configured no documents", () => {
    expect(documentsAt([], "shipped")).toEqual([]);
  });
});
