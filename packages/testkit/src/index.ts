export * from "./database.ts";
export { freePort } from "./global-setup.ts";
export * from "./graphql-client.ts";
export { takeConsoleErrors } from "./setup-file.ts";
