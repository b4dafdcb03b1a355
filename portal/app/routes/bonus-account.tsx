import { BonusAccountQuery } from "../graphql/finance";
import { withAuth } from "../lib/auth.server";
import { query } from "../lib/gateway.server";
import type { Route } from "./+types/bonus-account";

/** The dealer's bonus points (null where the tenant runs no bonus programme), for the profile. */
export async function loader({ request, context }: Route.LoaderArgs) {
  return withAuth(request, context, async ({ client }) => {
    const { bonusAccount } = await query(client, BonusAccountQuery, {});
    return { bonusAccount };
  });
}
