export * from "./checkout.ts";
export * from "./contrast.ts";
export * from "./definition.ts";
export * from "./inn.ts";
export { demoTenantDefinition, demoTenantDefinitions } from "./tenants/index.ts";
export * from "./workflow.ts";
export * from "./workflow-issues.ts";
