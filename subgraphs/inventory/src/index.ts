export { loadInventoryConfig } from "./config.ts";
export type { StockDisplayPolicy } from "./domain/stock-display.ts";
export type { InventorySeedTenant } from "./seed.ts";
export { seedInventory } from "./seed.ts";
export type { InventoryDeps } from "./server.ts";
export { createServer, migrations, typeDefs } from "./server.ts";
