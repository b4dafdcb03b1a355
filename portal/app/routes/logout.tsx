import { redirect } from "react-router";
import { LogoutMutation } from "../graphql/auth";
import { getSession } from "../lib/auth.server";
import { mutate } from "../lib/gateway.server";
import type { Route } from "./+types/logout";

export async function loader() {
  throw redirect("/");
}

export async function action({ request, context }: Route.ActionArgs) {
  const session = await getSession(request, context);
  const refreshToken = session.get("refreshToken");
  if (refreshToken) {
    // Best effort: the session row goes away either way.
    await mutate(context.gateway(), LogoutMutation, { r: refreshToken }).catch(() => undefined);
  }
  throw redirect("/login", { headers: { "Set-Cookie": await context.sessions.storage.destroySession(session) } });
}
