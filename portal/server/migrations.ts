import { fileURLToPath } from "node:url";
import type { SchemaMigrations } from "@dpp/db";

/** The portal's own schema (`portal.sessions`), applied by `migrateAll` like a subgraph's. */
export const portalMigrations: SchemaMigrations = {
  schema: "portal",
  folder: fileURLToPath(new URL("../app/db/migrations", import.meta.url)),
};
