export type { IdentityConfig } from "./config.ts";
export { loadIdentityConfig } from "./config.ts";
export { generatePassword, passwordProblem } from "./domain/password-policy.ts";
export type { KeyTiming } from "./keys.ts";
export type { IdentitySeedData } from "./seed.ts";
export { seedIdentity } from "./seed.ts";
export type { IdentityDb, IdentityDeps } from "./server.ts";
export { createServer, JWKS_PATH, migrations, typeDefs } from "./server.ts";
