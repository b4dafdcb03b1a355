export * from "./subgraph-app.ts";
export * from "./errors.ts";
export * from "./listen.ts";
