import { redirect } from "react-router";
import { getAuth } from "../lib/auth.server";
import type { Route } from "./+types/home";

export async function loader({ request, context }: Route.LoaderArgs) {
  const auth = await getAuth(request, context);
  throw redirect(auth ? "/catalog" : "/login");
}
