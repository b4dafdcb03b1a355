import { z } from "zod";

/** Thrown when the environment does not satisfy a service's config schema. One line per problem. */
export class ConfigError extends Error {
  constructor(
    readonly service: string,
    readonly problems: string[],
  ) {
    super(`${service}: invalid configuration\n${problems.map((p) => `  - ${p}`).join("\n")}`);
    this.name = "ConfigError";
  }
}

type Env = Record<string, string | undefined>;

/**
 * Parses the flat environment with a zod schema (which may transform it into a nested object).
 * Throws ConfigError with one readable line per problem: `VAR_NAME: message`.
 */
export function loadConfig<S extends z.ZodType>(service: string, schema: S, env: Env = process.env): z.output<S> {
  const result = schema.safeParse(env);
  if (result.success) return result.data;
  const problems = result.error.issues.map((issue) => {
    const key = issue.path.join(".") || "(environment)";
    return `${key}: ${issue.message}`;
  });
  throw new ConfigError(service, problems);
}

/** Runs a service's main; a ConfigError or a start failure prints readable lines and exits 1. */
export async function runMain(service: string, main: () => Promise<unknown>): Promise<void> {
  try {
    await main();
  } catch (error) {
    if (error instanceof ConfigError) {
      console.error(error.message);
    } else {
      console.error(`${service}: failed to start: ${describeStartError(error)}`);
    }
    process.exit(1);
  }
}

/** Turns common start failures into one line a person can act on. */
export function describeStartError(error: unknown): string {
  const e = error as { code?: string; port?: number; address?: string; message?: string };
  if (e?.code === "EADDRINUSE") return `port ${e.port ?? ""} is already in use`.trim();
  if (e?.code === "ECONNREFUSED")
    return `cannot connect to ${e.address ?? "server"}${e.port ? `:${e.port}` : ""} (connection refused)`;
  if (e?.code === "ENOTFOUND") return `host not found: ${(e as { hostname?: string }).hostname ?? e.message}`;
  if (e?.code === "28P01") return "database rejected the password (check DATABASE_URL)";
  if (e?.code === "3D000") return `database does not exist (check DATABASE_URL): ${e.message}`;
  return e?.message ?? String(error);
}

// ---------- reusable field schemas ----------

export const port = (fallback: number) => z.coerce.number().int().min(0).max(65535).default(fallback);

export const postgresUrl = z.string({ error: "is required" }).refine((v) => {
  try {
    const u = new URL(v);
    return u.protocol === "postgres:" || u.protocol === "postgresql:";
  } catch {
    return false;
  }
}, "must be a postgres:// URL, e.g. postgres://user:pass@localhost:5432/dealer");

export const httpUrl = z.string({ error: "is required" }).refine((v) => {
  try {
    const u = new URL(v);
    return u.protocol === "http:" || u.protocol === "https:";
  } catch {
    return false;
  }
}, "must be an http(s):// URL");

export const secret = z.string({ error: "is required" }).min(32, "must be at least 32 characters");

export const logLevel = z.enum(["fatal", "error", "warn", "info", "debug", "trace", "silent"]).default("info");

export const nodeEnv = z.enum(["development", "test", "production"]).default("development");

/** Shared by every subgraph: where it listens, its database, and the gateway proof secret. */
export const subgraphEnv = z.object({
  NODE_ENV: nodeEnv,
  HOST: z.string().default("127.0.0.1"),
  DATABASE_URL: postgresUrl,
  INTERNAL_TOKEN_SECRET: secret,
  LOG_LEVEL: logLevel,
});

export { z };
