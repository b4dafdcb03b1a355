import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createSmsSender, smsEnv, toSmsConfig } from "../src/index.ts";
import { startTestSmppServer, type TestSmppServer } from "../src/testing.ts";

/** The SMPP client against a real SMPP server (the `smpp` package's), as the worker uses it. */
let server: TestSmppServer;
beforeAll(async () => {
  server = await startTestSmppServer();
});
afterAll(async () => {
  await server?.close();
});

const config = (url: string | undefined, sender?: string) =>
  toSmsConfig(smsEnv.parse({ SMS_SMPP_URL: url, SMS_SENDER: sender }));

describe("SMS over SMPP", () => {
  it("submits a short Cyrillic SMS and a long one; the server receives both intact", async () => {
    const sender = createSmsSender(config(server.url, "Autoparts"));
    expect(sender.configured).toBe(true);
    const short = "Заказ 000042: статус «Резерв»";
    const long = `Заказ 000042 перешел в статус «Комплектация». ${"Подробности в личном кабинете. ".repeat(3)}`;
    const a = await sender.send({ to: "79165551234", text: short });
    const b = await sender.send({ to: "79255551234", text: long });
    expect(a.messageId).not.toBe(b.messageId);
    expect(server.messages.slice(-2)).toEqual([
      { systemId: "test", from: "Autoparts", to: "79165551234", text: short },
      { systemId: "test", from: "Autoparts", to: "79255551234", text: long },
    ]);
  });

  it("wrong credentials: the bind is refused and the send fails, naming the SMPP status", async () => {
    const wrong = server.url.replace("test:secret", "test:nope");
    await expect(createSmsSender(config(wrong)).send({ to: "79165551234", text: "x" })).rejects.toThrow(
      /bind: SMPP status 0x000d bind failed/,
    );
  });

  it("an unreachable SMSC fails the send", async () => {
    await expect(
      createSmsSender(config("smpp://a:b@127.0.0.1:1")).send({ to: "79165551234", text: "x" }),
    ).rejects.toThrow(/SMPP 127.0.0.1:1/);
  });

  it("without SMS_SMPP_URL nothing is sent and the sender says it is not configured", async () => {
    const none = createSmsSender(config(undefined));
    expect(none.configured).toBe(false);
    await expect(none.send({ to: "79165551234", text: "x" })).rejects.toThrow(/not configured/);
  });

  it("refuses a malformed URL or sender in the environment", () => {
    expect(smsEnv.safeParse({ SMS_SMPP_URL: "http://x" }).success).toBe(false);
    expect(smsEnv.safeParse({ SMS_SMPP_URL: "smpp://host:2775" }).success).toBe(false);
    expect(smsEnv.safeParse({ SMS_SENDER: "Очень длинное имя" }).success).toBe(false);
  });
});
