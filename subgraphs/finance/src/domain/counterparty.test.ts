import { describe, expect, it } from "vitest";
import { buyerCounterpartyId, contractsInScope, documentContract, rowsInScope } from "./counterparty.ts";

const c1 = { id: "ctr_1", counterpartyId: "cpt_1" };
const c2 = { id: "ctr_2", counterpartyId: "cpt_2" };
const c0 = { id: "ctr_0", counterpartyId: null };
const all = [c1, c2, c0];

describe("contractsInScope", () => {
  it.each([
    ["no claim (staff, API key): every contract", undefined, ["ctr_1", "ctr_2", "ctr_0"]],
    ["null claim: every contract", null, ["ctr_1", "ctr_2", "ctr_0"]],
    ["counterparty 1: its contract and the untied one", "cpt_1", ["ctr_1", "ctr_0"]],
    ["counterparty 2: its contract and the untied one", "cpt_2", ["ctr_2", "ctr_0"]],
    ["a counterparty without contracts: only the untied one", "cpt_9", ["ctr_0"]],
  ])("%s", (_, active, ids) => {
    expect(contractsInScope(all, active).map((c) => c.id)).toEqual(ids);
  });
});

describe("rowsInScope (invoices, acts)", () => {
  const rows = [
    { id: "inv_1", contractId: "ctr_1" },
    { id: "inv_2", contractId: "ctr_2" },
    { id: "inv_0", contractId: null },
    { id: "inv_x", contractId: "ctr_gone" },
  ];
  it.each([
    ["no claim: all rows", null, ["inv_1", "inv_2", "inv_0", "inv_x"]],
    ["counterparty 1: its contract's and contract-less rows", "cpt_1", ["inv_1", "inv_0"]],
    ["counterparty 2", "cpt_2", ["inv_2", "inv_0"]],
  ])("%s", (_, active, ids) => {
    expect(rowsInScope(rows, all, active).map((r) => r.id)).toEqual(ids);
  });
});

describe("documentContract and buyerCounterpartyId (an order's documents)", () => {
  it.each([
    [
      "the contract chosen at checkout wins",
      [c1, c2],
      { contractId: "ctr_2", counterpartyId: "cpt_1" },
      "ctr_2",
      "cpt_1",
    ],
    ["the order's counterparty's contract", [c1, c2], { contractId: null, counterpartyId: "cpt_2" }, "ctr_2", "cpt_2"],
    [
      "no contract of the counterparty: the untied one",
      [c1, c0],
      { contractId: null, counterpartyId: "cpt_2" },
      "ctr_0",
      "cpt_2",
    ],
    [
      "no contract of the counterparty at all: none (not another's)",
      [c1],
      { contractId: null, counterpartyId: "cpt_2" },
      null,
      "cpt_2",
    ],
    [
      "an order without a counterparty: the oldest contract and its counterparty",
      [c1, c2],
      { contractId: null, counterpartyId: null },
      "ctr_1",
      "cpt_1",
    ],
    [
      "an unknown chosen contract falls back by counterparty",
      [c1, c2],
      { contractId: "ctr_gone", counterpartyId: "cpt_2" },
      "ctr_2",
      "cpt_2",
    ],
    ["nothing known: no contract, no counterparty", [], { contractId: null, counterpartyId: null }, null, null],
  ] as const)("%s", (_, contracts, order, contractId, buyer) => {
    const contract = documentContract(contracts, order);
    expect(contract?.id ?? null).toBe(contractId);
    expect(buyerCounterpartyId(order, contract)).toBe(buyer);
  });
});
