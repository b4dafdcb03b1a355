export { buildDemoDataset, demoTenant } from "./dataset.ts";
export { DEMO_PASSWORD } from "./people.ts";
export * from "./types.ts";
