import type { Workflow } from "@dpp/tenant";
import { describe, expect, it } from "vitest";
import { statusesInUse } from "./references.ts";

const wf = (...codes: string[]) =>
  ({ statuses: codes.map((code) => ({ code, label: code.toUpperCase() })) }) as unknown as Workflow;
const definition = {
  documentTypes: [
    { code: "invoice", label: "Счет", availableAt: ["new", "shipped"] },
    { code: "upd", label: "УПД", availableAt: ["shipped"] },
  ],
  finance: { bonus: { creditAt: "shipped" } },
};

describe("statusesInUse", () => {
  it.each([
    ["every named status kept", definition, wf("new", "shipped", "x"), []],
    ["an unused status removed", definition, wf("new", "shipped"), []],
    ["no documents, no bonus", {}, wf("new"), []],
    ["a bonus rule of null", { finance: { bonus: null } }, wf("new"), []],
    [
      "a document's status removed",
      definition,
      wf("shipped"),
      [
        [
          "new",
          "Статус «NEW» (new) нельзя удалить: его использует документ «Счет». Сначала уберите его в настройках поставщика.",
        ],
      ],
    ],
    [
      "a status named by documents and the bonus rule",
      definition,
      wf("new"),
      [
        [
          "shipped",
          "Статус «SHIPPED» (shipped) нельзя удалить: его используют документ «Счет», документ «УПД», начисление бонусов. Сначала уберите его в настройках поставщика.",
        ],
      ],
    ],
  ])("%s", (_, def, next, expected) => {
    const problems = statusesInUse(def, wf("new", "shipped", "x"), next);
    expect(problems.map((p) => [p.status, p.message])).toEqual(expected);
    expect(problems.every((p) => p.code === "STATUS_IN_USE")).toBe(true);
  });

  it("names a status the current workflow lacks by its code", () => {
    const [p] = statusesInUse({ finance: { bonus: { creditAt: "paid" } } }, wf("new"), wf("new"));
    expect(p?.message).toBe(
      "Статус paid нельзя удалить: его использует начисление бонусов. Сначала уберите его в настройках поставщика.",
    );
  });
});
