import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { fileURLToPath } from "node:url";
import { Webhook } from "standardwebhooks";

/**
 * Receives the platform's webhooks and verifies them with the Standard Webhooks library (any
 * language has one): the signature over `webhook-id.webhook-timestamp.body` with the
 * subscription's `whsec_…` secret, and a timestamp within 5 minutes (replays are refused).
 * Answer 2xx quickly; anything else (or no answer in 10 s) is retried with backoff.
 */
export interface WebhookEvent {
  id: string;
  type: string;
  timestamp: string;
  data: Record<string, unknown>;
}

export async function startWebhookReceiver(opts: {
  secret: string;
  port?: number;
  onEvent: (event: WebhookEvent) => void | Promise<void>;
}): Promise<{ url: string; close(): Promise<void> }> {
  const wh = new Webhook(opts.secret);
  const seen = new Set<string>();
  const server: Server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (c: Buffer) => chunks.push(c));
    req.on("end", async () => {
      const body = Buffer.concat(chunks).toString("utf8");
      let payload: Omit<WebhookEvent, "id">;
      try {
        payload = wh.verify(body, req.headers as Record<string, string>) as Omit<WebhookEvent, "id">;
      } catch {
        res.writeHead(400).end("bad signature");
        return;
      }
      const id = String(req.headers["webhook-id"]);
      // At least once: the same webhook-id may come again (a retry, a manual redelivery).
      if (!seen.has(id)) {
        seen.add(id);
        await opts.onEvent({ id, ...payload });
      }
      res.writeHead(204).end();
    });
  });
  await new Promise<void>((resolve) => server.listen(opts.port ?? 0, "127.0.0.1", () => resolve()));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/`,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

// WEBHOOK_SECRET=whsec_… npx tsx docs/integrators/examples/webhook-receiver.ts 8080
if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const r = await startWebhookReceiver({
    secret: process.env.WEBHOOK_SECRET ?? "",
    port: Number(process.argv[2] ?? 8080),
    onEvent: (e) => console.log(e.type, JSON.stringify(e.data)),
  });
  console.log(`listening on ${r.url}`);
}
