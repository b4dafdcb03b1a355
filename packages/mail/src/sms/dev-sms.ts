import { newId } from "@dpp/db";
import { desc } from "drizzle-orm";
import { drizzle } from "drizzle-orm/postgres-js";
import type postgres from "postgres";
import { devSms } from "../db/schema.ts";
import type { ReceivedSms } from "./smpp.ts";

/** One SMS as the /dev/mail page shows it. */
export interface DevSms {
  id: string;
  from: string;
  to: string;
  text: string;
  createdAt: Date;
}

const open = (sql: postgres.Sql) => drizzle(sql, { casing: "snake_case" });

/** Keeps what the dev stack's SMPP sink received. */
export async function insertDevSms(sql: postgres.Sql, sms: ReceivedSms): Promise<void> {
  await open(sql)
    .insert(devSms)
    .values({ id: newId("sms"), sourceAddress: sms.from, destinationAddress: sms.to, body: sms.text });
}

/** Newest first. */
export async function listDevSms(sql: postgres.Sql, limit = 50): Promise<DevSms[]> {
  const rows = await open(sql)
    .select()
    .from(devSms)
    .orderBy(desc(devSms.createdAt), desc(devSms.id))
    .limit(Math.max(1, Math.min(limit, 500)));
  return rows.map((r) => ({
    id: r.id,
    from: r.sourceAddress,
    to: r.destinationAddress,
    text: r.body,
    createdAt: r.createdAt,
  }));
}
