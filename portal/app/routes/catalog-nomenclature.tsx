import { NomenclatureFileQuery } from "../graphql/catalog";
import { withAuth } from "../lib/auth.server";
import { query } from "../lib/gateway.server";
import type { Route } from "./+types/catalog-nomenclature";

/** The nomenclature file (the catalog with the dealer's prices, XLSX), for dealers with the right. */
export async function loader({ request, context }: Route.LoaderArgs) {
  return withAuth(request, context, async ({ client }) => {
    const f = (await query(client, NomenclatureFileQuery, {})).nomenclatureFile;
    return new Response(Buffer.from(f.contentBase64, "base64"), {
      headers: {
        "content-type": f.contentType,
        "content-disposition": `attachment; filename="${f.fileName}"`,
      },
    });
  });
}
