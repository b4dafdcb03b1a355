export type { IdentityConfig } from "./config.ts";
export { loadIdentityConfig } from "./config.ts";
export type { IdentitySeedData } from "./seed.ts";
export { seedIdentity } from "./seed.ts";
export type { IdentityDb, IdentityDeps } from "./server.ts";
export { createServer, JWKS_PATH, migrations, typeDefs } from "./server.ts";
