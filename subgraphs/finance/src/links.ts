import { createHmac } from "node:crypto";
import { jwtVerify, SignJWT } from "jose";
import { z } from "zod";

/**
 * Short-lived signed download links (HS256 JWT, jose): which document, in which format, for which
 * tenant and dealer company. The key is derived from the internal secret for this purpose only.
 */
const AUDIENCE = "dpp-document";
const ISSUER = "dpp-finance";
export const LINK_TTL_SECONDS = 600;

export const linkTargetSchema = z.discriminatedUnion("kind", [
  z.object({
    kind: z.literal("order"),
    orderId: z.string(),
    typeCode: z.string(),
    format: z.enum(["pdf", "xlsx", "html"]),
  }),
  z.object({ kind: z.literal("act"), actId: z.string(), format: z.enum(["pdf", "xlsx", "html"]) }),
]);
export type LinkTarget = z.output<typeof linkTargetSchema>;

export interface LinkScope {
  tenantId: string;
  companyId: string;
}

const keyOf = (secret: string) => createHmac("sha256", secret).update("dpp-document-links/v1").digest();

export async function signDocumentLink(
  secret: string,
  scope: LinkScope,
  target: LinkTarget,
  now = new Date(),
): Promise<{ token: string; expiresAt: string }> {
  const exp = Math.floor(now.getTime() / 1000) + LINK_TTL_SECONDS;
  const token = await new SignJWT({ tid: scope.tenantId, cid: scope.companyId, doc: target })
    .setProtectedHeader({ alg: "HS256" })
    .setIssuer(ISSUER)
    .setAudience(AUDIENCE)
    .setIssuedAt(Math.floor(now.getTime() / 1000))
    .setExpirationTime(exp)
    .sign(keyOf(secret));
  return { token, expiresAt: new Date(exp * 1000).toISOString() };
}

export type LinkCheck =
  | { ok: true; target: LinkTarget }
  | { ok: false; code: "LINK_INVALID" | "LINK_EXPIRED" | "LINK_FOREIGN" };

/** Verifies a link for the caller's tenant and company; another dealer's link is refused. */
export async function verifyDocumentLink(secret: string, token: string, scope: LinkScope): Promise<LinkCheck> {
  try {
    const { payload } = await jwtVerify(token, keyOf(secret), {
      issuer: ISSUER,
      audience: AUDIENCE,
      algorithms: ["HS256"],
    });
    if (payload.tid !== scope.tenantId || payload.cid !== scope.companyId) return { ok: false, code: "LINK_FOREIGN" };
    const target = linkTargetSchema.safeParse(payload.doc);
    return target.success ? { ok: true, target: target.data } : { ok: false, code: "LINK_INVALID" };
  } catch (error) {
    return {
      ok: false,
      code: (error as { code?: string }).code === "ERR_JWT_EXPIRED" ? "LINK_EXPIRED" : "LINK_INVALID",
    };
  }
}
