import { DistributorStockExportQuery } from "../graphql/inventory";
import { withAuth } from "../lib/auth.server";
import { query } from "../lib/gateway.server";
import type { Route } from "./+types/distributor-stock-file";

/** The distributor's uploaded stock as .xlsx (a download). */
export async function loader({ request, context }: Route.LoaderArgs) {
  return withAuth(request, context, async ({ client }) => {
    const { distributorStockExport: f } = await query(client, DistributorStockExportQuery, {});
    return new Response(Buffer.from(f.contentBase64, "base64"), {
      headers: {
        "content-type": f.contentType,
        "content-disposition": `attachment; filename="${f.fileName}"`,
      },
    });
  });
}
