export type { FinanceConfig } from "./config.ts";
export { loadFinanceConfig } from "./config.ts";
export type { FinanceSeedTenant } from "./seed.ts";
export { seedFinance } from "./seed.ts";
export type { FinanceDeps } from "./server.ts";
export { createServer, migrations, typeDefs } from "./server.ts";
