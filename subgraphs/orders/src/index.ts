export type { OrdersConfig } from "./config.ts";
export { loadOrdersConfig } from "./config.ts";
export type { OrderSubmittedPayload } from "./domain/submission.ts";
export type { OrdersSeedTenant } from "./seed.ts";
export { seedOrders } from "./seed.ts";
export type { OrdersDeps } from "./server.ts";
export { createServer, migrations, typeDefs } from "./server.ts";
