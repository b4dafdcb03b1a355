export * from "./errors.ts";
export * from "./listen.ts";
export * from "./subgraph-app.ts";
