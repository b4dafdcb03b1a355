export { loadCatalogConfig } from "./config.ts";
export { seedCatalog } from "./seed.ts";
export type { CatalogDeps } from "./server.ts";
export { createServer, migrations, typeDefs } from "./server.ts";
