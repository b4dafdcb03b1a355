import type { UserActor } from "@dpp/auth";
import type { IdentityContext } from "../context.ts";
import { type CompanyRow, listTenants, membershipsOfUser, type TenantRow, tenantBySlug } from "../db/queries.ts";
import { dealerCardResolvers } from "../dealer-card/service.ts";
import { dealerResolvers } from "../dealers/service.ts";
import { describePasswordPolicy } from "../domain/password-policy.ts";
import {
  type IssuedSession,
  type LoginResult,
  login,
  logout,
  refreshSession,
  selectCounterparty,
  switchTenant,
} from "../services/sessions.ts";
import * as viewer from "../services/viewer.ts";
import { tenantConfigResolvers } from "../tenant-config/resolvers.ts";
import { ticketResolvers } from "../tickets/resolvers.ts";
import { accountResolvers } from "./accounts.ts";
import { webhookResolvers } from "./webhooks.ts";

type Ctx = IdentityContext;
type Ref = { id: string };
type MembershipParent = { tenantId: string; companyId: string | null };

const { Query, Mutation, UserProfile, ...accountTypes } = accountResolvers;
const { Query: webhookQuery, Mutation: webhookMutation, ...webhookTypes } = webhookResolvers;

export const resolvers = {
  ...accountTypes,
  ...webhookTypes,
  Query: {
    ...Query,
    ...webhookQuery,
    ...dealerResolvers.Query,
    ...tenantConfigResolvers.Query,
    ...ticketResolvers.Query,
    ...dealerCardResolvers.Query,
    tenants: (_: unknown, __: unknown, ctx: Ctx) => listTenants(ctx.db),
    tenant: (_: unknown, args: { slug: string }, ctx: Ctx) => tenantBySlug(ctx.db, args.slug),
    viewer: (_: unknown, __: unknown, ctx: Ctx): UserActor | null => (ctx.actor.kind === "user" ? ctx.actor : null),
  },
  Mutation: {
    ...Mutation,
    ...webhookMutation,
    ...dealerResolvers.Mutation,
    ...tenantConfigResolvers.Mutation,
    ...ticketResolvers.Mutation,
    login: (_: unknown, args: { input: { email: string; password: string; tenantSlug?: string | null } }, ctx: Ctx) =>
      login(ctx, args.input),
    refreshSession: (_: unknown, args: { refreshToken: string }, ctx: Ctx) => refreshSession(ctx, args.refreshToken),
    switchTenant: (_: unknown, args: { tenantSlug: string }, ctx: Ctx) => switchTenant(ctx, args.tenantSlug),
    logout: (_: unknown, args: { refreshToken: string }, ctx: Ctx) => logout(ctx, args.refreshToken),
    selectCounterparty: (_: unknown, args: { refreshToken: string; counterpartyId: string }, ctx: Ctx) =>
      selectCounterparty(ctx, args),
    recordAuditEvent: (_: unknown, args: { input: viewer.RecordAuditEventInput }, ctx: Ctx) =>
      viewer.recordAuditEvent(ctx, args.input),
  },
  SaveTenantConfigResult: tenantConfigResolvers.SaveTenantConfigResult,
  CreateTenantResult: tenantConfigResolvers.CreateTenantResult,
  TicketResult: ticketResolvers.TicketResult,
  Ticket: ticketResolvers.Ticket,
  TicketMessage: ticketResolvers.TicketMessage,
  DealerCardResult: dealerCardResolvers.DealerCardResult,
  DealerCard: dealerCardResolvers.DealerCard,
  LoginResult: {
    __resolveType: (result: LoginResult) => result.__typename,
  },
  Session: {
    user: (s: IssuedSession, _: unknown, ctx: Ctx) => ctx.loaders.user.load(s.userId),
    tenant: (s: IssuedSession, _: unknown, ctx: Ctx) => ctx.loaders.tenant.load(s.tenantId),
  },
  Viewer: {
    user: (a: UserActor, _: unknown, ctx: Ctx) => ctx.loaders.user.load(a.userId),
    tenant: (a: UserActor, _: unknown, ctx: Ctx) => ctx.loaders.tenant.load(a.tenantId),
    company: (a: UserActor, _: unknown, ctx: Ctx) => (a.companyId ? ctx.loaders.company.load(a.companyId) : null),
    roles: (a: UserActor) => a.roles,
    permissions: (a: UserActor) => a.permissions,
    memberships: (a: UserActor, _: unknown, ctx: Ctx) => membershipsOfUser(ctx.db, a.userId),
    counterparty: (a: UserActor, _: unknown, ctx: Ctx) => viewer.viewerCounterparty(ctx, a),
    counterparties: (a: UserActor, _: unknown, ctx: Ctx) => viewer.viewerCounterparties(ctx, a),
    status: (a: UserActor, _: unknown, ctx: Ctx) => viewer.viewerStatus(ctx, a),
    personalManager: async (a: UserActor, _: unknown, ctx: Ctx) => {
      const id = await viewer.viewerPersonalManager(ctx, a);
      return id ? ctx.loaders.user.load(id) : null;
    },
    mustChangePassword: (a: UserActor, _: unknown, ctx: Ctx) => viewer.viewerMustChangePassword(ctx, a),
  },
  Membership: {
    tenant: (m: MembershipParent, _: unknown, ctx: Ctx) => ctx.loaders.tenant.load(m.tenantId),
    company: (m: MembershipParent, _: unknown, ctx: Ctx) =>
      m.companyId ? ctx.loaders.company.load(m.companyId) : null,
  },
  Tenant: {
    __resolveReference: (ref: Ref, ctx: Ctx) => ctx.loaders.tenant.load(ref.id),
    branding: (t: TenantRow) => t.branding,
    registrationMode: (t: TenantRow) => t.definition.features.registration,
    passwordRule: (t: TenantRow) => describePasswordPolicy(t.definition.features.passwordPolicy),
    distributorNetwork: (t: TenantRow) => t.definition.features.distributorNetwork ?? false,
    feedbackTickets: (t: TenantRow) => t.definition.features.feedbackTickets ?? false,
  },
  User: {
    __resolveReference: (ref: Ref, ctx: Ctx) => ctx.visibleUser(ref.id),
    profile: UserProfile.profile,
    notificationPhone: (u: { phone: string | null; phones: string[] }, _: unknown, ctx: Ctx) =>
      ctx.actor.kind === "service" ? (u.phone ?? u.phones[0] ?? null) : null,
  },
  DealerCompany: {
    __resolveReference: (ref: Ref, ctx: Ctx) => ctx.visibleCompany(ref.id),
    counterparties: (c: CompanyRow, _: unknown, ctx: Ctx) => ctx.loaders.counterparties.load(c.id),
  },
};
