/** The search internals, for the catalog benchmark (bench/catalog-search.ts) only. */
export { searchProducts } from "./db/search.ts";
export { planSearch } from "./domain/search.ts";
