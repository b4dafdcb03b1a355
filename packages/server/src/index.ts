export * from "./errors.ts";
export * from "./listen.ts";
export * from "./observability.ts";
export * from "./subgraph-app.ts";
