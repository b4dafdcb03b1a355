import { startGuildSubgraphs } from "./subgraphs.ts";

/** Child process: the four Guild subgraphs; prints their URLs as one JSON line, runs until killed. */
const subgraphs = await startGuildSubgraphs();
process.stdout.write(`${JSON.stringify(subgraphs.urls)}\n`);
process.on("SIGTERM", () => void subgraphs.stop().then(() => process.exit(0)));
