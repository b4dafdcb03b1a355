import { OrderDocumentsQuery } from "../graphql/finance";
import { withAuth } from "../lib/auth.server";
import { query } from "../lib/gateway.server";
import type { Route } from "./+types/order-documents";

/** The order's documents with fresh signed links, for the order page's documents block. */
export async function loader({ request, context, params }: Route.LoaderArgs) {
  return withAuth(request, context, async ({ client }) => {
    const { order } = await query(client, OrderDocumentsQuery, { id: params.id });
    return { documents: order?.documents ?? [] };
  });
}
