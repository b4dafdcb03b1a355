import { createSmsSender, listDevSms, mailMigrations, smsEnv, toSmsConfig } from "@dpp/mail";
import { createTestDatabase, type TestDatabase } from "@dpp/testkit";
import postgres from "postgres";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { devSmsConfig } from "../src/dev-sms.ts";

/**
 * `npm start` without SMS_SMPP_URL: a local SMPP sink the worker sends to over SMPP, keeping each
 * SMS in mail.dev_sms for /dev/mail; a configured SMSC is used as it is and no sink starts.
 */
let db: TestDatabase;
let sql: postgres.Sql;
beforeAll(async () => {
  db = await createTestDatabase([mailMigrations]);
  sql = postgres(db.appUrl, { max: 2, onnotice: () => {} });
});
afterAll(async () => {
  await sql?.end();
  await db?.drop();
});

describe("the dev stack's SMS sink", () => {
  it("receives over SMPP and keeps the SMS for the dev mailbox page", async () => {
    const dev = await devSmsConfig({ kind: "none" }, db.appUrl, "AutoDetal");
    try {
      expect(dev.sink).toBe(true);
      expect(dev.sms.kind).toBe("smpp");
      const sent = await createSmsSender(dev.sms).send({ to: "79254003020", text: "Заказ № 000042: Резерв" });
      expect(sent.messageId).toMatch(/^sink-/);
      const [sms] = await listDevSms(sql);
      expect(sms).toMatchObject({ from: "AutoDetal", to: "79254003020", text: "Заказ № 000042: Резерв" });
    } finally {
      await dev.stop();
    }
  });

  it("uses a configured SMSC as it is", async () => {
    const configured = toSmsConfig(smsEnv.parse({ SMS_SMPP_URL: "smpp://portal:pw@smsc.example:2775" }));
    const dev = await devSmsConfig(configured, db.appUrl, "Portal");
    expect(dev).toMatchObject({ sms: configured, sink: false });
  });
});
