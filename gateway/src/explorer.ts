import { renderGraphiQL } from "@graphql-yoga/render-graphiql";
import type { Express } from "express";

export const EXPLORER_PATH = "/explorer";

const HINT = `# Проводник API (GraphiQL, без интернета).
# От чьего имени — во вкладке Headers (см. вкладки
# MyCompany и WhoAmI):
#   {"Authorization": "ApiKey <ключ>"}   — интегратор
#   {"Authorization": "Bearer <токен>"}  — пользователь
# Без заголовка запрос анонимный, как этот.
`;

/** The tabs a new visitor sees: an anonymous query that runs, and the two ways to authenticate. */
const TABS = [
  { query: `${HINT}query Tenants {\n  tenants { slug name }\n}\n`, headers: "{}" },
  {
    query: `# Интегратор: ключ API компании (Authorization: ApiKey …)\nquery MyCompany {\n  viewer { tenant { name } company { name } permissions }\n}\n`,
    headers: JSON.stringify({ Authorization: "ApiKey <ваш ключ API>" }, null, 2),
  },
  {
    query: `# Пользователь: access token из mutation login\nquery WhoAmI {\n  viewer { user { email } roles }\n}\n`,
    headers: JSON.stringify({ Authorization: "Bearer <access token>" }, null, 2),
  },
];

/**
 * GraphiQL at /explorer: the Guild's offline bundle of GraphiQL and its editor
 * (@graphql-yoga/render-graphiql, from node_modules — no CDN), rendered once. Headers typed in it
 * are not stored in the browser.
 */
export function mountExplorer(app: Express, graphqlPath = "/graphql") {
  let html: string | undefined;
  app.get(EXPLORER_PATH, (_req, res) => {
    html ??= renderGraphiQL({
      title: "Проводник API — дилерский портал",
      endpoint: graphqlPath,
      defaultTabs: TABS,
      shouldPersistHeaders: false,
      defaultEditorToolsVisibility: "headers",
    });
    res.setHeader("cache-control", "no-store");
    res.type("html").send(html);
  });
}
