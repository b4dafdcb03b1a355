export * from "./access-token.ts";
export * from "./actor.ts";
export * from "./internal-token.ts";
