import { fileURLToPath } from "node:url";
import type { SchemaMigrations } from "@dpp/db";

export * from "./config.ts";
export { type DevMessage, getDevMessage, listDevMessages } from "./dev-mailbox.ts";
export * from "./mailer.ts";

/** The `mail` schema (the dev mailbox), applied by the shared migrator like a subgraph's. */
export const mailMigrations: SchemaMigrations = {
  schema: "mail",
  folder: fileURLToPath(new URL("./db/migrations", import.meta.url)),
};
