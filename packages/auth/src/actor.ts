import { z } from "zod";

/** Staff and dealer roles; permissions are the seeds' rights. */
export const roleSchema = z.enum(["dealer", "dealer_admin", "manager", "tenant_admin", "platform_admin"]);
export type Role = z.infer<typeof roleSchema>;

export const actorSchema = z.discriminatedUnion("kind", [
  z.object({ kind: z.literal("anonymous") }),
  z.object({
    kind: z.literal("user"),
    userId: z.string(),
    tenantId: z.string(),
    companyId: z.string().nullable(),
    roles: z.array(roleSchema),
    permissions: z.array(z.string()),
    /** The active counterparty (legal entity) the session acts for; null/absent: none chosen (staff). */
    counterpartyId: z.string().nullable().optional(),
  }),
  z.object({ kind: z.literal("service"), service: z.string(), tenantId: z.string().nullable() }),
]);

/** Who is calling: verified by the gateway (or a service), carried to subgraphs in the internal token. */
export type Actor = z.infer<typeof actorSchema>;
export type UserActor = Extract<Actor, { kind: "user" }>;

export const ANONYMOUS: Actor = { kind: "anonymous" };

export function actorTenant(actor: Actor): string | null {
  return actor.kind === "anonymous" ? null : actor.tenantId;
}
