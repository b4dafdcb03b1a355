import { requireUser } from "@dpp/server";
import { GraphQLError } from "graphql";
import type { IdentityContext } from "../context.ts";
import type { UserRow } from "../db/queries.ts";
import type { apiKeys, auditEvents, memberships } from "../db/schema.ts";
import { DEALER_PERMISSIONS, isNarrowing } from "../domain/permissions.ts";
import * as access from "../services/access.ts";
import * as account from "../services/account.ts";
import * as reg from "../services/registration.ts";
import { logoutEverywhere } from "../services/sessions.ts";

type Ctx = IdentityContext;
type A<T> = { input: T };
type CompanyUserRow = typeof memberships.$inferSelect & { email: string; fullName: string };
const iso = (d: Date | null) => (d ? d.toISOString() : null);
const typename = (r: { __typename: string }) => r.__typename;

export const accountResolvers = {
  Query: {
    rights: () => DEALER_PERMISSIONS.map((p) => ({ ...p, narrowing: isNarrowing(p.code) })),
    questionnaire: (_: unknown, a: { token: string }, ctx: Ctx) => reg.questionnaireInfo(ctx, a.token),
    companyUsers: (_: unknown, __: unknown, ctx: Ctx) => access.companyUsers(ctx),
    dealerApprovals: (_: unknown, __: unknown, ctx: Ctx) => access.dealerApprovals(ctx),
    apiKeys: (_: unknown, __: unknown, ctx: Ctx) => access.listApiKeys(ctx),
    history: (_: unknown, a: { filter?: access.HistoryFilter | null }, ctx: Ctx) => access.history(ctx, a.filter ?? {}),
  },
  Mutation: {
    logoutEverywhere: (_: unknown, __: unknown, ctx: Ctx) => logoutEverywhere(ctx),
    registerDealer: (_: unknown, a: A<Parameters<typeof reg.registerDealer>[1]>, ctx: Ctx) =>
      reg.registerDealer(ctx, a.input),
    activateAccount: (_: unknown, a: { token: string }, ctx: Ctx) => reg.activateAccount(ctx, a.token),
    startRegistration: (_: unknown, a: A<Parameters<typeof reg.startRegistration>[1]>, ctx: Ctx) =>
      reg.startRegistration(ctx, a.input),
    completeRegistration: (_: unknown, a: A<Parameters<typeof reg.completeRegistration>[1]>, ctx: Ctx) =>
      reg.completeRegistration(ctx, a.input),
    inviteDealer: (_: unknown, a: A<reg.NewDealer>, ctx: Ctx) => reg.inviteDealer(ctx, a.input),
    createOutletCabinet: (_: unknown, a: A<Parameters<typeof reg.createOutletCabinet>[1]>, ctx: Ctx) =>
      reg.createOutletCabinet(ctx, a.input),
    requestPasswordReset: (_: unknown, a: { tenantSlug: string; email: string }, ctx: Ctx) =>
      account.requestPasswordReset(ctx, a),
    resetPassword: (_: unknown, a: A<Parameters<typeof account.resetPassword>[1]>, ctx: Ctx) =>
      account.resetPassword(ctx, a.input),
    changePassword: (_: unknown, a: A<Parameters<typeof account.changePassword>[1]>, ctx: Ctx) =>
      account.changePassword(ctx, a.input),
    requestEmailChange: (_: unknown, a: { newEmail: string }, ctx: Ctx) => account.requestEmailChange(ctx, a),
    confirmEmailChange: (_: unknown, a: A<{ token: string; code: string }>, ctx: Ctx) =>
      account.confirmEmailChange(ctx, a.input),
    updateProfile: (_: unknown, a: A<account.ProfileInput>, ctx: Ctx) => account.updateProfile(ctx, a.input),
    requestDataChange: (_: unknown, a: { message: string }, ctx: Ctx) => account.requestDataChange(ctx, a),
    addCompanyUser: (_: unknown, a: A<Parameters<typeof access.addCompanyUser>[1]>, ctx: Ctx) =>
      access.addCompanyUser(ctx, a.input),
    setCompanyUserRights: (_: unknown, a: A<Parameters<typeof access.setCompanyUserRights>[1]>, ctx: Ctx) =>
      access.setCompanyUserRights(ctx, a.input),
    detachCompanyUser: (_: unknown, a: A<Parameters<typeof access.detachCompanyUser>[1]>, ctx: Ctx) =>
      access.detachCompanyUser(ctx, a.input),
    setDealerStatus: (_: unknown, a: Parameters<typeof access.setDealerStatus>[1], ctx: Ctx) =>
      access.setDealerStatus(ctx, a),
    assignManager: (_: unknown, a: Parameters<typeof access.assignManager>[1], ctx: Ctx) =>
      access.assignManager(ctx, a),
    createApiKey: (_: unknown, a: A<Parameters<typeof access.createApiKey>[1]>, ctx: Ctx) =>
      access.createApiKey(ctx, a.input),
    revokeApiKey: (_: unknown, a: { id: string }, ctx: Ctx) => access.revokeApiKey(ctx, a.id),
    rotateSigningKey: async (_: unknown, __: unknown, ctx: Ctx) => {
      const a = requireUser(ctx.actor);
      if (!a.roles.includes("platform_admin")) {
        throw new GraphQLError("Только для администратора платформы", { extensions: { code: "FORBIDDEN" } });
      }
      return (await ctx.rt.keys.rotate()).kid;
    },
  },
  AccountResult: { __resolveType: typename },
  ActivateResult: { __resolveType: typename },
  QuestionnaireInfoResult: { __resolveType: typename },
  InviteDealerResult: { __resolveType: typename },
  CreateOutletCabinetResult: { __resolveType: typename },
  CompanyUserResult: { __resolveType: typename },
  CreateApiKeyResult: { __resolveType: typename },
  RevokeApiKeyResult: { __resolveType: (r: { __typename?: string }) => r.__typename ?? "ApiKey" },
  UpdateProfileResult: { __resolveType: typename },
  CompanyUser: {
    company: (m: CompanyUserRow, _: unknown, ctx: Ctx) => (m.companyId ? ctx.loaders.company.load(m.companyId) : null),
    manager: (m: CompanyUserRow, _: unknown, ctx: Ctx) =>
      m.managerUserId ? ctx.loaders.user.load(m.managerUserId) : null,
    createdAt: (m: CompanyUserRow) => m.createdAt.toISOString(),
  },
  ApiKey: {
    createdAt: (k: typeof apiKeys.$inferSelect) => k.createdAt.toISOString(),
    revokedAt: (k: typeof apiKeys.$inferSelect) => iso(k.revokedAt),
    lastUsedAt: (k: typeof apiKeys.$inferSelect) => iso(k.lastUsedAt),
  },
  AuditEvent: {
    occurredAt: (e: typeof auditEvents.$inferSelect) => e.occurredAt.toISOString(),
    actor: (e: typeof auditEvents.$inferSelect) => e.actorLabel,
  },
  UserProfile: {
    /** Only the user themself sees their profile. */
    profile: (u: UserRow, _: unknown, ctx: Ctx) => (ctx.actor.kind === "user" && ctx.actor.userId === u.id ? u : null),
  },
};
