import { DocumentFileQuery } from "../graphql/finance";
import { withAuth } from "../lib/auth.server";
import { ForbiddenError, query } from "../lib/gateway.server";
import type { Route } from "./+types/document-file";

/** A document by its signed link: the file as an attachment, or the refusal as plain text. */
export async function loader({ request, context, params }: Route.LoaderArgs) {
  return withAuth(request, context, async ({ client }) => {
    try {
      const { documentFile: f } = await query(client, DocumentFileQuery, { token: params.token });
      if (f.__typename === "FinanceError") {
        return new Response(f.message, { status: 410, headers: { "content-type": "text/plain; charset=utf-8" } });
      }
      const ascii = f.fileName.replace(/[^\x20-\x7e]/g, "_");
      return new Response(Buffer.from(f.contentBase64, "base64"), {
        headers: {
          "content-type": f.contentType,
          "content-disposition": `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(f.fileName)}`,
          "cache-control": "private, no-store",
        },
      });
    } catch (error) {
      if (!(error instanceof ForbiddenError)) throw error;
      return new Response(error.message, { status: 403, headers: { "content-type": "text/plain; charset=utf-8" } });
    }
  });
}
