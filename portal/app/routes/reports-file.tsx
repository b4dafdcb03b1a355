import { data } from "react-router";
import { ReadinessExportQuery } from "../graphql/shipments";
import { withAuth } from "../lib/auth.server";
import { query } from "../lib/gateway.server";
import { readinessFilter } from "../lib/readiness";
import type { Route } from "./+types/reports-file";

const REPORTS = { orders: "ORDERS", products: "PRODUCTS" } as const;

/** A readiness report with the page's filter as .xlsx (a download). */
export async function loader({ request, context, params }: Route.LoaderArgs) {
  const report = REPORTS[params.report as keyof typeof REPORTS];
  if (!report) throw data("Отчет не найден", { status: 404 });
  return withAuth(request, context, async ({ client }) => {
    const filter = readinessFilter(new URL(request.url).searchParams);
    const f = (await query(client, ReadinessExportQuery, { report, filter })).readinessExport;
    if (f.__typename === "ReadinessFilterError") throw data(f.message, { status: 400 });
    return new Response(Buffer.from(f.contentBase64, "base64"), {
      headers: { "content-type": f.contentType, "content-disposition": `attachment; filename="${f.fileName}"` },
    });
  });
}
