export { devSmsConfig } from "./dev-sms.ts";
export * from "./platform.ts";
export * from "./seed.ts";
