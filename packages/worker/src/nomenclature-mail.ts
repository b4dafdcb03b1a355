import { randomUUID } from "node:crypto";
import { INTERNAL_TOKEN_HEADER, REQUEST_ID_HEADER, signServiceToken } from "@dpp/auth";
import type { Mailer } from "@dpp/mail";
import { sql } from "drizzle-orm";
import type { Task } from "graphile-worker";
import { z } from "zod";
import type { OutboxLogger, UserDirectory, WorkerDb } from "./outbox.ts";

/** graphile-worker's daily cron line: 03:00 UTC is 06:00 in Moscow, before the working day. */
export const NOMENCLATURE_CRON = "0 3 * * * nomenclature_mail";

export interface NomenclatureMailDeps {
  /** The app-role pool; only the platform's tenant list is read from it. */
  db: WorkerDb;
  mailer: Mailer;
  directory: UserDirectory;
  logger: OutboxLogger;
  catalogUrl: string;
  internalTokenSecret: string;
}

const errors = z.array(z.object({ message: z.string() })).optional();
const deliveriesSchema = z.object({
  data: z
    .object({ nomenclatureDeliveries: z.array(z.object({ userId: z.string(), companyId: z.string() })) })
    .nullish(),
  errors,
});
const fileSchema = z.object({
  data: z
    .object({
      nomenclatureFileForCompany: z.object({
        fileName: z.string(),
        contentType: z.string(),
        rows: z.number().int(),
        contentBase64: z.string(),
      }),
    })
    .nullish(),
  errors,
});
const markSchema = z.object({ data: z.object({ markNomenclatureMailed: z.boolean() }).nullish(), errors });

const moscowDay = (now: Date) => new Intl.DateTimeFormat("en-CA", { timeZone: "Europe/Moscow" }).format(now);

/**
 * The daily nomenclature e-mail (keaz): for every tenant, each subscriber not yet mailed today
 * gets the catalog with the company's prices as an XLSX attachment (one file per company), and is
 * marked mailed. A retry after a failure mails only those not marked yet.
 */
export function createNomenclatureMailTask(deps: NomenclatureMailDeps): Task {
  const url = `${deps.catalogUrl.replace(/\/+$/, "")}/graphql`;
  async function catalog<T>(
    schema: z.ZodType<{ data?: T | null; errors?: { message: string }[] }>,
    tenantId: string,
    query: string,
    variables: Record<string, unknown>,
  ): Promise<T> {
    const requestId = `wrk-${randomUUID()}`;
    const token = await signServiceToken("worker", tenantId, deps.internalTokenSecret, requestId);
    const res = await fetch(url, {
      method: "POST",
      headers: { "content-type": "application/json", [INTERNAL_TOKEN_HEADER]: token, [REQUEST_ID_HEADER]: requestId },
      body: JSON.stringify({ query, variables }),
      signal: AbortSignal.timeout(60_000),
    });
    const body = schema.parse(await res.json());
    if (!res.ok || body.errors?.length || !body.data) {
      throw new Error(`catalog: ${res.status} ${body.errors?.map((e) => e.message).join("; ") ?? "no data"}`);
    }
    return body.data;
  }

  return async (_payload, helpers) => {
    const day = moscowDay(new Date());
    const tenants = await deps.db.execute<{ id: string; name: string }>(
      sql`select id, name from identity.tenants order by id`,
    );
    let mailed = 0;
    for (const tenant of tenants) {
      const { nomenclatureDeliveries: due } = await catalog(
        deliveriesSchema,
        tenant.id,
        "query($d: String!) { nomenclatureDeliveries(day: $d) { userId companyId } }",
        { d: day },
      );
      const files = new Map<string, z.infer<typeof fileSchema>["data"]>();
      for (const d of due) {
        if (!files.has(d.companyId)) {
          files.set(
            d.companyId,
            await catalog(
              fileSchema,
              tenant.id,
              "query($c: ID!) { nomenclatureFileForCompany(companyId: $c) { fileName contentType rows contentBase64 } }",
              { c: d.companyId },
            ),
          );
        }
        const file = files.get(d.companyId)?.nomenclatureFileForCompany;
        const user = await deps.directory.userById(tenant.id, d.userId);
        if (!file || !user) {
          deps.logger.warn(`nomenclature_mail: user ${d.userId} not found; not mailed`, { tenantId: tenant.id });
          continue;
        }
        await deps.mailer.send({
          to: user.email,
          tenantId: tenant.id,
          subject: `Номенклатурный файл ${tenant.name} на ${day.split("-").reverse().join(".")}`,
          text: [
            `Здравствуйте, ${user.fullName}!`,
            "",
            `Во вложении каталог ${tenant.name} с вашими ценами: ${file.rows} позиций.`,
            "Вы получаете это письмо, потому что подписались на ежедневный номенклатурный файл в личном кабинете;",
            "отписаться можно там же, в разделе «Каталог».",
          ].join("\n"),
          attachments: [
            {
              filename: file.fileName,
              contentType: file.contentType,
              content: Buffer.from(file.contentBase64, "base64"),
            },
          ],
        });
        await catalog(
          markSchema,
          tenant.id,
          "mutation($u: ID!, $c: ID!, $d: String!) { markNomenclatureMailed(userId: $u, companyId: $c, day: $d) }",
          { u: d.userId, c: d.companyId, d: day },
        );
        mailed++;
      }
    }
    helpers.logger.info(`nomenclature_mail: ${mailed} e-mails for ${day}`);
  };
}
