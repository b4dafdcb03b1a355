export * from "./client.ts";
export * from "./tenant-tx.ts";
export * from "./migrate.ts";
export * from "./embedded.ts";
export * from "./ids.ts";
