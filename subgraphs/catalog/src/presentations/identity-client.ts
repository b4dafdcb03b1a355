import { INTERNAL_TOKEN_HEADER, REQUEST_ID_HEADER, signServiceToken } from "@dpp/auth";
import { z } from "zod";

/** What a presentation needs from identity: mail a dealer company's logins a link. */
export interface CompanyMailer {
  mailCompany(
    tenantId: string,
    requestId: string,
    input: { companyId: string; subject: string; text: string; path: string },
  ): Promise<number>;
}

const responseSchema = z.object({
  data: z.object({ mailDealerCompany: z.number().int() }).nullish(),
  errors: z.array(z.object({ message: z.string() })).optional(),
});

/** Calls identity's service-only `mailDealerCompany` as the catalog service (contracts §1); errors throw. */
export function createCompanyMailer(opts: { identityUrl: string; secret: string }): CompanyMailer {
  const url = `${opts.identityUrl.replace(/\/+$/, "")}/graphql`;
  return {
    async mailCompany(tenantId, requestId, input) {
      const token = await signServiceToken("catalog", tenantId, opts.secret, requestId);
      const res = await fetch(url, {
        method: "POST",
        headers: { "content-type": "application/json", [INTERNAL_TOKEN_HEADER]: token, [REQUEST_ID_HEADER]: requestId },
        body: JSON.stringify({
          query: "mutation($i: MailDealerCompanyInput!) { mailDealerCompany(input: $i) }",
          variables: { i: input },
        }),
        signal: AbortSignal.timeout(15_000),
      });
      const body = responseSchema.parse(await res.json());
      if (!res.ok || body.errors?.length || !body.data) {
        throw new Error(`identity: ${res.status} ${body.errors?.map((e) => e.message).join("; ") ?? "no data"}`);
      }
      return body.data.mailDealerCompany;
    },
  };
}
