import { createTestDatabase, type TestDatabase } from "@dpp/testkit";
import postgres from "postgres";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  createMailer,
  DEFAULT_MAIL_FROM,
  getDevMessage,
  listDevMessages,
  mailConfigFromEnv,
  mailMigrations,
} from "../src/index.ts";
import { startTestSmtpServer, type TestSmtpServer } from "../src/testing.ts";

describe("mailConfigFromEnv", () => {
  it("uses the dev mailbox and the default sender when SMTP is not configured", () => {
    expect(mailConfigFromEnv({})).toEqual({ kind: "dev-mailbox", from: DEFAULT_MAIL_FROM });
    expect(mailConfigFromEnv({ SMTP_URL: "" })).toEqual({ kind: "dev-mailbox", from: DEFAULT_MAIL_FROM });
  });

  it("uses SMTP when SMTP_URL is set", () => {
    expect(
      mailConfigFromEnv({ SMTP_URL: "smtps://u:p@smtp.example.com:465", MAIL_FROM: "Портал <p@example.com>" }),
    ).toEqual({
      kind: "smtp",
      url: "smtps://u:p@smtp.example.com:465",
      from: "Портал <p@example.com>",
    });
  });

  it("names the variable when SMTP_URL is not an SMTP URL", () => {
    expect(() => mailConfigFromEnv({ SMTP_URL: "http://example.com" })).toThrow(/SMTP_URL: must be an smtp:\/\//);
  });
});

describe("SMTP mailer", () => {
  let smtp: TestSmtpServer;
  beforeAll(async () => {
    smtp = await startTestSmtpServer();
  });
  afterAll(async () => {
    await smtp?.close();
  });

  it("delivers a Russian message to a real SMTP server", async () => {
    const mailer = createMailer({ kind: "smtp", url: smtp.url, from: DEFAULT_MAIL_FROM });
    try {
      const { messageId } = await mailer.send({
        to: "dealer@example.ru",
        subject: "Заказ № 42 принят",
        text: "Здравствуйте, Иван Петрович!\nВаш заказ № 42 принят.",
        html: "<p>Ваш заказ № 42 принят.</p>",
      });
      expect(messageId).toMatch(/@/);
    } finally {
      mailer.close();
    }
    const [mail] = await smtp.waitForMessages(1);
    expect(mail?.envelope).toEqual({ from: "no-reply@dealer-portal.local", to: ["dealer@example.ru"] });
    expect(mail?.subject).toBe("Заказ № 42 принят");
    expect(mail?.text).toContain("Ваш заказ № 42 принят.");
    expect(mail?.html).toContain("<p>Ваш заказ № 42 принят.</p>");
    // On the wire the non-ASCII subject travels as an RFC 2047 encoded word.
    expect(mail?.raw).toMatch(/^Subject: =\?UTF-8\?[BQ]\?/im);
  });
});

describe("dev mailbox", () => {
  let db: TestDatabase;
  let sql: postgres.Sql;
  beforeAll(async () => {
    db = await createTestDatabase([mailMigrations]);
    // The services' role (no BYPASSRLS): the mailbox must work for it without a tenant in scope.
    sql = postgres(db.appUrl, { max: 2, onnotice: () => {} });
  });
  afterAll(async () => {
    await sql?.end({ timeout: 5 });
    await db?.drop();
  });

  it("requires a connection", () => {
    expect(() => createMailer({ kind: "dev-mailbox", from: DEFAULT_MAIL_FROM })).toThrow(/needs a PostgreSQL/);
  });

  it("stores messages that listDevMessages shows newest first", async () => {
    const mailer = createMailer({ kind: "dev-mailbox", from: DEFAULT_MAIL_FROM }, sql);
    const first = await mailer.send({ to: "a@example.ru", subject: "Первое", text: "один", tenantId: "ten_a" });
    const second = await mailer.send({
      to: "b@example.ru",
      subject: "Заказ № 42 принят",
      text: "Ваш заказ № 42 принят.",
      html: "<p>Ваш заказ № 42 принят.</p>",
    });
    mailer.close();
    expect(first.messageId).toMatch(/^mail_/);

    const list = await listDevMessages(sql);
    expect(list.map((m) => m.id)).toEqual([second.messageId, first.messageId]);
    expect(list[0]).toMatchObject({
      tenantId: null,
      to: "b@example.ru",
      from: DEFAULT_MAIL_FROM,
      subject: "Заказ № 42 принят",
      text: "Ваш заказ № 42 принят.",
      html: "<p>Ваш заказ № 42 принят.</p>",
    });
    expect(list[1]).toMatchObject({ tenantId: "ten_a", subject: "Первое", html: null });
    expect(list[0]?.createdAt).toBeInstanceOf(Date);

    expect(await listDevMessages(sql, 1)).toHaveLength(1);
    expect(await getDevMessage(sql, first.messageId)).toMatchObject({ to: "a@example.ru", text: "один" });
    expect(await getDevMessage(sql, "mail_missing")).toBeNull();
  });
});
