import {
  ImportOrderLinesMutation,
  type ImportPreview,
  OrderImportPreviewQuery,
  OrderImportSampleQuery,
} from "../graphql/order-import";
import { withAuth } from "../lib/auth.server";
import { mutate, query } from "../lib/gateway.server";
import { orderErrorText } from "../lib/order-errors";
import type { Route } from "./+types/draft-import";

/**
 * The draft page's import (ui/draft-import.tsx posts here): GET downloads the tenant's sample
 * file, POST previews or commits a file or pasted text and answers JSON for the page.
 */
export type ImportAnswer =
  | { kind: "preview"; preview: ImportPreview }
  | { kind: "committed"; addedRows: number; positions: number; pieces: number }
  | { kind: "error"; message: string };

export async function loader({ request, context }: Route.LoaderArgs) {
  return withAuth(request, context, async ({ client }) => {
    const s = (await query(client, OrderImportSampleQuery, {})).orderImportSample;
    return new Response(Buffer.from(s.contentBase64, "base64"), {
      headers: {
        "content-type": s.contentType,
        "content-disposition": `attachment; filename="sample.xlsx"; filename*=UTF-8''${encodeURIComponent(s.filename)}`,
      },
    });
  });
}

export async function action({ request, context, params }: Route.ActionArgs) {
  return withAuth(request, context, async ({ client }) => {
    const form = await request.formData();
    const upload = form.get("file");
    const paste = form.get("paste");
    const file =
      upload instanceof File && upload.size > 0
        ? { filename: upload.name, contentBase64: Buffer.from(await upload.arrayBuffer()).toString("base64") }
        : null;
    const input = { orderId: params.id, file, paste: file ? null : typeof paste === "string" ? paste : null };
    const answer = (a: ImportAnswer, status = 200) => Response.json(a, { status });
    if (!file && !input.paste?.trim())
      return answer({ kind: "error", message: "Выберите файл или вставьте строки." }, 400);

    if (form.get("intent") === "commit") {
      const r = (await mutate(client, ImportOrderLinesMutation, { input })).importOrderLines;
      if (r.__typename !== "OrderImportCommitted") return answer({ kind: "error", message: orderErrorText(r) }, 422);
      return answer({ kind: "committed", ...r.report.summary });
    }
    const r = (await query(client, OrderImportPreviewQuery, { input })).orderImportPreview;
    if (r.__typename !== "OrderImportPreview") return answer({ kind: "error", message: orderErrorText(r) }, 422);
    return answer({ kind: "preview", preview: r });
  });
}
