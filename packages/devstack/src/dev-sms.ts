import { randomBytes } from "node:crypto";
import { insertDevSms, type SmsConfig, smsEnv, startSmppSink, toSmsConfig } from "@dpp/mail";
import postgres from "postgres";

/**
 * The dev stack's SMSC when none is configured: a real SMPP server on a free local port that keeps
 * every SMS it receives in `mail.dev_sms` (shown at /dev/mail). The worker sends to it over SMPP
 * exactly as it would to an operator's SMSC. A configured SMS_SMPP_URL is used as it is.
 */
export async function devSmsConfig(
  configured: SmsConfig,
  appUrl: string,
  sender: string,
): Promise<{ sms: SmsConfig; sink: boolean; stop: () => Promise<void> }> {
  if (configured.kind === "smpp") return { sms: configured, sink: false, stop: async () => {} };
  const sql = postgres(appUrl, { max: 2, onnotice: () => {} });
  const sink = await startSmppSink({
    systemId: "devstack",
    password: randomBytes(12).toString("base64url"),
    onMessage: (sms) => insertDevSms(sql, sms),
  });
  return {
    sms: toSmsConfig(smsEnv.parse({ SMS_SMPP_URL: sink.url, SMS_SENDER: sender })),
    sink: true,
    stop: async () => {
      await sink.close();
      await sql.end({ timeout: 5 });
    },
  };
}
