export { createPortalApp, type PortalApp, type PortalAppOptions } from "./app.ts";
export { loadPortalConfig, type PortalConfig } from "./config.ts";
export { portalMigrations } from "./migrations.ts";
