import { existsSync, readFileSync, rmSync } from "node:fs";
import path from "node:path";
import { loadDevstackConfig } from "./config.ts";

/** `npm run db:reset`: wipes the embedded PostgreSQL data (and dev secrets) under DATA_DIR. */
const config = loadDevstackConfig();
if (config.database.kind === "external") {
  console.error("db:reset only wipes the embedded database; DATABASE_URL points to an external server, drop it there.");
  process.exit(1);
}
const pidFile = path.join(config.database.dataDir, "postmaster.pid");
if (existsSync(pidFile)) {
  const pid = Number(readFileSync(pidFile, "utf8").split("\n")[0]);
  let running = false;
  try {
    process.kill(pid, 0);
    running = true;
  } catch {
    running = false;
  }
  if (running) {
    console.error(`db:reset: PostgreSQL is running (pid ${pid}); stop \`npm start\` first.`);
    process.exit(1);
  }
}
rmSync(config.dataDir, { recursive: true, force: true });
console.log(`Wiped ${config.dataDir}. The next \`npm start\` creates a fresh database with the demo tenants.`);
