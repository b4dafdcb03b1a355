import { describe, expect, it } from "vitest";
import { checkoutFromForm, NEW_ADDRESS } from "./checkout";

const form = (pairs: [string, string][]) => {
  const f = new FormData();
  for (const [k, v] of pairs) f.append(k, v);
  return f;
};

describe("checkoutFromForm", () => {
  it.each([
    ["nothing filled", [], { comment: null, customerNumber: null, checkout: {} }],
    [
      "a saved address chosen",
      [
        ["savedAddress", "Курск, 1"],
        ["deliveryAddress", "ignored"],
      ],
      { comment: null, customerNumber: null, checkout: { deliveryAddress: "Курск, 1" } },
    ],
    [
      "a new address typed",
      [
        ["savedAddress", NEW_ADDRESS],
        ["deliveryAddress", " Орел, 2 "],
      ],
      { comment: null, customerNumber: null, checkout: { deliveryAddress: "Орел, 2" } },
    ],
    [
      "boxes, services and text",
      [
        ["confirmed", "on"],
        ["shipInParts", "on"],
        ["technicalServices", "install"],
        ["technicalServices", "diagnostics"],
        ["comment", "  к пятнице "],
        ["customerNumber", "ЗК-1"],
        ["deliveryMethod", "pickup"],
      ],
      {
        comment: "к пятнице",
        customerNumber: "ЗК-1",
        checkout: {
          confirmed: true,
          shipInParts: true,
          technicalServices: ["install", "diagnostics"],
          deliveryMethod: "pickup",
        },
      },
    ],
  ] as [string, [string, string][], unknown][])("%s", (_, pairs, expected) => {
    expect(checkoutFromForm(form(pairs))).toEqual(expected);
  });
});
