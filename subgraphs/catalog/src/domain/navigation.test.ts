import { describe, expect, it } from "vitest";
import { buildNavigation, groupPathOf } from "./navigation.ts";

describe("buildNavigation", () => {
  it("builds a tree with counts summed upwards, sorted in Russian order", () => {
    const tree = buildNavigation([
      { path: ["Модульное оборудование", "Клеммы OptiClip"], count: 21 },
      { path: ["Модульное оборудование", "Автоматические выключатели OptiDin BM63"], count: 90 },
      { path: ["Аксессуары"], count: 3 },
      { path: [], count: 7 },
    ]);
    expect(tree).toEqual([
      { key: "Аксессуары", label: "Аксессуары", count: 3, children: [] },
      {
        key: "Модульное оборудование",
        label: "Модульное оборудование",
        count: 111,
        children: [
          {
            key: "Модульное оборудование / Автоматические выключатели OptiDin BM63",
            label: "Автоматические выключатели OptiDin BM63",
            count: 90,
            children: [],
          },
          {
            key: "Модульное оборудование / Клеммы OptiClip",
            label: "Клеммы OptiClip",
            count: 21,
            children: [],
          },
        ],
      },
    ]);
  });

  it.each([
    ["Модульное оборудование / Клеммы OptiClip", ["Модульное оборудование", "Клеммы OptiClip"]],
    ["Aller 1060", ["Aller 1060"]],
    [" / ", []],
  ])("groupPathOf(%j)", (key, path) => {
    expect(groupPathOf(key)).toEqual(path);
  });
});
