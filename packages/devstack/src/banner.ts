import type { DemoDataset } from "@dpp/seed";
import type { DevstackConfig } from "./config.ts";
import type { Platform } from "./platform.ts";

/** What `npm start` prints once everything answers: where things run and how to log in. */
export function printBanner(args: {
  portalUrl: string;
  platform: Platform;
  config: DevstackConfig;
  dataset: DemoDataset;
  seconds: number;
}): void {
  const { platform, config, dataset } = args;
  const lines = [
    "",
    `Dealer portal platform is ready in ${args.seconds.toFixed(1)} s`,
    "",
    `  Portal            ${args.portalUrl}`,
    `  GraphQL gateway   ${platform.gatewayGraphqlUrl}`,
    ...(config.mail.kind === "dev-mailbox" ? [`  Dev mailbox       ${args.portalUrl}/dev/mail`] : []),
    ...(config.sms.kind === "none" ? [`  Dev SMS           ${args.portalUrl}/dev/mail (a local SMPP sink)`] : []),
    `  Subgraphs         identity ${platform.urls.identity}, catalog ${platform.urls.catalog},`,
    `                    orders ${platform.urls.orders}, finance ${platform.urls.finance}, inventory ${platform.urls.inventory}`,
    "",
    "Demo logins:",
  ];
  const byTenant = new Map(dataset.tenants.map((t) => [t.id, t.definition.slug]));
  const users = new Map(dataset.users.map((u) => [u.id, u]));
  const rows = new Map<string, { email: string; password: string; roles: Set<string>; tenants: string[] }>();
  for (const m of dataset.memberships) {
    const u = users.get(m.userId);
    if (!u) continue;
    const row = rows.get(u.id) ?? { email: u.email, password: u.password, roles: new Set<string>(), tenants: [] };
    row.roles.add(m.role);
    row.tenants.push(byTenant.get(m.tenantId) ?? m.tenantId);
    rows.set(u.id, row);
  }
  for (const r of rows.values()) {
    lines.push(
      `  ${r.email.padEnd(30)} ${r.password.padEnd(12)} ${[...r.roles].join(",").padEnd(13)} ${r.tenants.join(", ")}`,
    );
  }
  lines.push("", "Press Ctrl-C to stop everything (PostgreSQL included).", "");
  console.log(lines.join("\n"));
}
