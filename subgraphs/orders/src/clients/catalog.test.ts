import { describe, expect, it } from "vitest";
import { buildProductsQuery } from "./catalog.ts";

describe("buildProductsQuery", () => {
  it("batches ids into one _entities field and articles into aliased lookups", () => {
    const q = buildProductsQuery([
      { by: "id", id: "prd_1" },
      { by: "article", article: "0983" },
      { by: "id", id: "prd_2" },
      { by: "article", article: "OptiDin BM63" },
    ]);
    expect(q.ids).toEqual(["prd_1", "prd_2"]);
    expect(q.articles).toEqual(["0983", "OptiDin BM63"]);
    expect(q.variables).toEqual({
      reps: [
        { __typename: "Product", id: "prd_1" },
        { __typename: "Product", id: "prd_2" },
      ],
      a0: "0983",
      a1: "OptiDin BM63",
    });
    expect(q.query).toContain("query OrdersProducts($reps: [_Any!]!, $a0: String!, $a1: String!)");
    expect(q.query).toContain("a1: productByArticle(article: $a1)");
  });

  it("leaves _entities out when only articles are asked for", () => {
    const q = buildProductsQuery([{ by: "article", article: "X" }]);
    expect(q.query).not.toContain("_entities");
    expect(q.variables).toEqual({ a0: "X" });
  });
});
