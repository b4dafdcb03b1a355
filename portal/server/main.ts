import { runMain } from "@dpp/config";
import type { ServerBuild } from "react-router";
import { createPortalApp } from "./app.ts";
import { loadPortalConfig } from "./config.ts";

await runMain("portal", async () => {
  const config = loadPortalConfig();
  const buildUrl = new URL("../build/server/index.js", import.meta.url).href;
  const build = (await import(buildUrl).catch(() => {
    throw new Error("portal/build is missing: run `npm run build -w @dpp/portal` first");
  })) as ServerBuild;
  const { app, close } = createPortalApp(config, build);
  const server = await new Promise<import("node:http").Server>((resolve, reject) => {
    const s = app.listen(config.http.port, config.http.host, (error?: Error) => (error ? reject(error) : resolve(s)));
  });
  console.log(`portal listening on http://${config.http.host}:${config.http.port}`);
  const shutdown = () => {
    server.close();
    void close().finally(() => process.exit(0));
  };
  process.once("SIGINT", shutdown);
  process.once("SIGTERM", shutdown);
});
