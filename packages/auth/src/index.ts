export * from "./actor.ts";
export * from "./access-token.ts";
export * from "./internal-token.ts";
