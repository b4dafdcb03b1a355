export * from "./client.ts";
export * from "./embedded.ts";
export * from "./ids.ts";
export * from "./migrate.ts";
export * from "./tenant-tx.ts";
