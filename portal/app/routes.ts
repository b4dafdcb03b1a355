import { index, layout, type RouteConfig, route } from "@react-router/dev/routes";

export default [
  index("routes/home.tsx"),
  route("login", "routes/login.tsx"),
  route("logout", "routes/logout.tsx"),
  route("switch-tenant", "routes/switch-tenant.tsx"),
  layout("routes/app-layout.tsx", { id: "app" }, [
    route("catalog", "routes/catalog.tsx"),
    route("drafts/:id", "routes/draft.tsx"),
    route("orders", "routes/orders.tsx"),
    route("orders/:id", "routes/draft.tsx", { id: "order" }),
  ]),
  route("dev/mail", "routes/dev-mail.tsx", [
    index("routes/dev-mail-list.tsx"),
    route(":id", "routes/dev-mail-message.tsx"),
  ]),
] satisfies RouteConfig;
