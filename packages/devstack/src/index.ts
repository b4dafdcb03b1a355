export * from "./platform.ts";
export * from "./seed.ts";
