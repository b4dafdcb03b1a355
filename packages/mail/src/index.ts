import { fileURLToPath } from "node:url";
import type { SchemaMigrations } from "@dpp/db";

export * from "./config.ts";
export { smsMessages } from "./db/schema.ts";
export { type DevMessage, getDevMessage, listDevMessages } from "./dev-mailbox.ts";
export * from "./mailer.ts";
export { SMS_SINGLE_UCS2, smsAddress } from "./sms/address.ts";
export { type SmsConfig, smsEnv, toSmsConfig } from "./sms/config.ts";
export { type DevSms, insertDevSms, listDevSms } from "./sms/dev-sms.ts";
export { createSmsSender, type ReceivedSms, type SmppSink, type SmsSender, startSmppSink } from "./sms/smpp.ts";

/** The `mail` schema (the dev mailbox), applied by the shared migrator like a subgraph's. */
export const mailMigrations: SchemaMigrations = {
  schema: "mail",
  folder: fileURLToPath(new URL("./db/migrations", import.meta.url)),
};
