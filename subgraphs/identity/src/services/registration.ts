import { randomInt } from "node:crypto";
import { newId, withTenant } from "@dpp/db";
import { requireUser } from "@dpp/server";
import { hash } from "@node-rs/argon2";
import { and, eq } from "drizzle-orm";
import { GraphQLError } from "graphql";
import type { IdentityContext } from "../context.ts";
import { userByEmail } from "../db/queries.ts";
import { counterparties, dealerCompanies, memberships, outlets, users } from "../db/schema.ts";
import { normalizeEmail } from "../domain/email.ts";
import { mails } from "../domain/mail-text.ts";
import { generatePassword } from "../domain/password-policy.ts";
import {
  emailProblem,
  type FieldProblem,
  innProblem,
  kppProblem,
  phoneProblem,
  type Questionnaire,
  questionnaireProblems,
  type SelfRegistration,
  selfRegistrationProblems,
} from "../domain/registration.ts";
import {
  type AccountError,
  accepted,
  accountError,
  audit,
  invalid,
  issueLink,
  sendMail,
  tenantRow,
  tooMany,
  useLink,
} from "./support.ts";

/** New dealer admins start with these rights (the dealer admin grants the rest). */
export const DEFAULT_DEALER_RIGHTS = ["orders.send", "finance.view", "stock.view", "api_keys.manage"];
type Mode = "self_with_approval" | "email_then_questionnaire" | "manager_invitation" | "staff_created";
type Tenant = NonNullable<Awaited<ReturnType<typeof tenantRow>>>;

const closed = () => accountError("REGISTRATION_CLOSED", "У этого поставщика такой способ регистрации не используется");
const noMail = () => accountError("MAIL_UNAVAILABLE", "Отправка писем не настроена — обратитесь к поставщику");
const hours = (ctx: IdentityContext) => Math.round(ctx.rt.linkTtlSeconds / 3600);
const link = (ctx: IdentityContext, slug: string, path: string, token?: string) =>
  `${ctx.rt.portalUrl}${path}?brand=${encodeURIComponent(slug)}${token ? `&token=${encodeURIComponent(token)}` : ""}`;

/** The tenant when it registers in `mode`, or why not. */
async function tenantFor(ctx: IdentityContext, slug: string, mode: Mode): Promise<Tenant | AccountError> {
  const tenant = await tenantRow(ctx, slug);
  if (!tenant || tenant.definition.features.registration !== mode) return closed();
  if (!ctx.rt.mailer) return noMail();
  return tenant;
}

const isError = (x: unknown): x is AccountError => (x as AccountError | null)?.__typename === "AccountError";

/** Counts the attempt; answers TOO_MANY_ATTEMPTS when the account or the IP is locked out. */
async function throttle(ctx: IdentityContext, email: string): Promise<AccountError | null> {
  const locked = await ctx.rt.limits.hit("registration", { account: email, ip: ctx.ip });
  return locked > 0 ? tooMany(locked) : null;
}

/** An existing account gets a "you are registered" mail instead: the caller sees the same answer. */
async function mailExisting(ctx: IdentityContext, tenant: Tenant, email: string) {
  const slug = tenant.slug;
  const n = await sendMail(ctx, tenant.id, {
    to: email,
    ...mails.alreadyRegistered(tenant.name, link(ctx, slug, "/login"), link(ctx, slug, "/recover")),
  });
  await audit(ctx, tenant.id, { action: "registration.duplicate", actorLabel: email, notifications: [n] });
}

/** wasserkraft: the dealer registers with legal data; an activation link; view-only until approved. */
export async function registerDealer(ctx: IdentityContext, input: SelfRegistration & { tenantSlug: string }) {
  const tenant = await tenantFor(ctx, input.tenantSlug, "self_with_approval");
  if (isError(tenant)) return tenant;
  const problems = selfRegistrationProblems(input, tenant.definition.features.passwordPolicy);
  if (problems.length > 0) return invalid(problems);
  const email = normalizeEmail(input.email);
  const limited = await throttle(ctx, email);
  if (limited) return limited;
  const done = accepted(`Мы отправили письмо со ссылкой для активации на ${email}`);
  if (await userByEmail(ctx.db, email)) {
    await mailExisting(ctx, tenant, email);
    return done;
  }
  const userId = newId("usr");
  const companyId = newId("cmp");
  const managerEmail = input.managerEmail?.trim() ? normalizeEmail(input.managerEmail) : tenant.definition.contactEmail;
  const passwordHash = await hash(input.password);
  const token = await withTenant(ctx.db, tenant.id, async (tx) => {
    await tx.insert(users).values({ id: userId, email, passwordHash, fullName: input.userName.trim() });
    await tx.insert(dealerCompanies).values({ id: companyId, name: input.legalName.trim() });
    await tx.insert(counterparties).values({
      id: newId("cpt"),
      companyId,
      name: input.legalName.trim(),
      inn: input.inn.trim(),
      kpp: input.kpp?.trim() || null,
    });
    const membershipId = newId("mem");
    await tx.insert(memberships).values({
      tenantId: tenant.id,
      id: membershipId,
      userId,
      companyId,
      role: "dealer_admin",
      permissions: DEFAULT_DEALER_RIGHTS,
      status: "pending",
    });
    return issueLink(ctx, tx, {
      tenantId: tenant.id,
      purpose: "activate",
      email,
      userId,
      data: { membershipId, managerEmail, company: input.legalName.trim() },
    });
  });
  const n = await sendMail(ctx, tenant.id, {
    to: email,
    ...mails.activate(tenant.name, link(ctx, tenant.slug, "/activate", token), hours(ctx)),
  });
  await audit(ctx, tenant.id, {
    action: "registration.submitted",
    actorUserId: userId,
    actorLabel: email,
    companyId,
    objects: [{ type: "DealerCompany", id: companyId, label: input.legalName.trim() }],
    notifications: [n],
  });
  return done;
}

/** The activation link: the e-mail is confirmed; the cabinet becomes view-only and the manager is told. */
export async function activateAccount(ctx: IdentityContext, token: string) {
  const result = await useLink(ctx, token, "activate", async (tx, l) => {
    const data = l.data as { membershipId: string; managerEmail: string; company: string };
    await tx
      .update(users)
      .set({ emailVerifiedAt: new Date() })
      .where(eq(users.id, l.userId ?? ""));
    await tx
      .update(memberships)
      .set({ status: "view_only" })
      .where(
        and(
          eq(memberships.tenantId, l.tenantId),
          eq(memberships.id, data.membershipId),
          eq(memberships.status, "pending"),
        ),
      );
    return { l, data };
  });
  if (isError(result)) return result;
  const { l, data } = result;
  const [tenant] = await ctx.loaders.tenant.loadMany([l.tenantId]);
  const t = tenant && !(tenant instanceof Error) ? tenant : null;
  const n = await sendMail(ctx, l.tenantId, {
    to: data.managerEmail,
    ...mails.managerApproval(t?.name ?? "", data.company, l.email, link(ctx, t?.slug ?? "", "/staff/approvals")),
  });
  await audit(ctx, l.tenantId, {
    action: "registration.activated",
    actorUserId: l.userId,
    actorLabel: l.email,
    objects: [{ type: "Membership", id: data.membershipId }],
    notifications: [n],
  });
  return {
    __typename: "Activated" as const,
    status: "view_only",
    message: "Кабинет активирован и работает в режиме просмотра, пока менеджер не подтвердит регистрацию",
  };
}

/** keaz: step 1, the e-mail; a confirmation link leads to the questionnaire. */
export async function startRegistration(
  ctx: IdentityContext,
  input: { tenantSlug: string; email: string; acceptTerms: boolean },
) {
  const tenant = await tenantFor(ctx, input.tenantSlug, "email_then_questionnaire");
  if (isError(tenant)) return tenant;
  const problems: FieldProblem[] = [];
  const e = emailProblem(input.email);
  if (e) problems.push({ field: "email", message: e });
  if (!input.acceptTerms)
    problems.push({
      field: "acceptTerms",
      message: "Нужно согласие с условиями использования и политикой конфиденциальности",
    });
  if (problems.length > 0) return invalid(problems);
  const email = normalizeEmail(input.email);
  const limited = await throttle(ctx, email);
  if (limited) return limited;
  const done = accepted(`Мы отправили письмо со ссылкой на анкету на ${email}`);
  if (await userByEmail(ctx.db, email)) {
    await mailExisting(ctx, tenant, email);
    return done;
  }
  const token = await withTenant(ctx.db, tenant.id, (tx) =>
    issueLink(ctx, tx, { tenantId: tenant.id, purpose: "questionnaire", email }),
  );
  const n = await sendMail(ctx, tenant.id, {
    to: email,
    ...mails.questionnaire(tenant.name, link(ctx, tenant.slug, "/register/questionnaire", token), hours(ctx)),
  });
  await audit(ctx, tenant.id, { action: "registration.started", actorLabel: email, notifications: [n] });
  return done;
}

/** What the questionnaire page shows before the form: the e-mail and the tenant's customer types. */
export async function questionnaireInfo(ctx: IdentityContext, token: string) {
  return useLink(
    ctx,
    token,
    "questionnaire",
    async (_tx, l) => {
      const t = await ctx.loaders.tenant.load(l.tenantId);
      return {
        __typename: "QuestionnaireInfo" as const,
        email: l.email,
        customerTypes: t?.definition.features.customerTypes ?? [],
      };
    },
    { consume: false },
  );
}

/** keaz: step 2, the questionnaire creates the account (view-only until the manager links the company). */
export async function completeRegistration(
  ctx: IdentityContext,
  input: Questionnaire & { token: string; newsletter: boolean },
) {
  return useLink(ctx, input.token, "questionnaire", async (tx, l) => {
    const tenant = await ctx.loaders.tenant.load(l.tenantId);
    if (!tenant) return accountError("LINK_INVALID", "Ссылка недействительна. Запросите новую.");
    const f = tenant.definition.features;
    const problems = questionnaireProblems(input, f.passwordPolicy, f.customerTypes ?? []);
    if (problems.length > 0) return invalid(problems);
    if (await userByEmail(ctx.db, l.email))
      return accountError("LINK_USED", "Ссылка уже была использована. Войдите или восстановите пароль.");
    const userId = newId("usr");
    const companyId = newId("cmp");
    const name = [input.surname, input.givenName, input.patronymic ?? ""]
      .map((s) => s.trim())
      .filter(Boolean)
      .join(" ");
    await tx.insert(users).values({
      id: userId,
      email: l.email,
      passwordHash: await hash(input.password),
      fullName: name,
      surname: input.surname.trim(),
      givenName: input.givenName.trim(),
      patronymic: input.patronymic?.trim() || null,
      emailVerifiedAt: new Date(),
    });
    await tx.insert(dealerCompanies).values({ id: companyId, name });
    await tx.insert(memberships).values({
      tenantId: l.tenantId,
      id: newId("mem"),
      userId,
      companyId,
      role: "dealer_admin",
      permissions: DEFAULT_DEALER_RIGHTS,
      status: "view_only",
      customerType: input.customerType,
      newsletter: input.newsletter,
    });
    await audit(
      ctx,
      l.tenantId,
      { action: "registration.completed", actorUserId: userId, actorLabel: l.email, companyId },
      tx,
    );
    return accepted("Регистрация завершена. Войдите с вашим e-mail и паролем.");
  });
}

function requireStaff(ctx: IdentityContext) {
  const a = requireUser(ctx.actor);
  if (!a.roles.some((r) => r === "manager" || r === "tenant_admin" || r === "platform_admin")) {
    throw new GraphQLError("Только для сотрудников поставщика", { extensions: { code: "FORBIDDEN" } });
  }
  return a;
}

export interface NewDealer {
  email: string;
  fullName: string;
  legalName: string;
  inn: string;
  kpp?: string | null;
}

function dealerProblems(input: NewDealer): FieldProblem[] {
  const out: FieldProblem[] = [];
  const add = (field: string, m: string | null) => m && out.push({ field, message: m });
  add("email", emailProblem(input.email));
  add("fullName", input.fullName.trim() === "" ? "Укажите имя" : null);
  add("legalName", input.legalName.trim() === "" ? "Укажите название юридического лица" : null);
  add("inn", innProblem(input.inn));
  add("kpp", kppProblem(input.kpp, input.inn));
  return out;
}

/** Creates company, counterparty, (user) and an active membership managed by the calling staff member. */
async function createDealer(
  ctx: IdentityContext,
  tenantId: string,
  input: NewDealer,
  outlet?: { name: string; address: string | null; phone: string | null; contractNumber: string },
) {
  const staff = requireStaff(ctx);
  const email = normalizeEmail(input.email);
  const existing = await userByEmail(ctx.db, email);
  const password = existing ? null : generatePassword(randomInt);
  const userId = existing?.id ?? newId("usr");
  const companyId = newId("cmp");
  const membershipId = newId("mem");
  await withTenant(ctx.db, tenantId, async (tx) => {
    if (!existing && password) {
      await tx.insert(users).values({
        id: userId,
        email,
        passwordHash: await hash(password),
        fullName: input.fullName.trim(),
        mustChangePassword: true,
        phone: outlet?.phone ?? null,
      });
    }
    await tx.insert(dealerCompanies).values({ id: companyId, name: input.legalName.trim() });
    await tx.insert(counterparties).values({
      id: newId("cpt"),
      companyId,
      name: input.legalName.trim(),
      inn: input.inn.trim(),
      kpp: input.kpp?.trim() || null,
      address: outlet?.address ?? null,
    });
    if (outlet) {
      await tx.insert(outlets).values({
        id: newId("out"),
        companyId,
        name: outlet.name,
        address: outlet.address,
        email,
        phone: outlet.phone,
        contractNumber: outlet.contractNumber,
      });
    }
    await tx.insert(memberships).values({
      tenantId,
      id: membershipId,
      userId,
      companyId,
      role: "dealer_admin",
      permissions: DEFAULT_DEALER_RIGHTS,
      status: "active",
      managerUserId: staff.userId,
    });
  });
  return { email, password, userId, companyId, membershipId };
}

/** spectr: a manager invites a dealer; a new login gets a generated password by e-mail (changed at first login). */
export async function inviteDealer(ctx: IdentityContext, input: NewDealer) {
  const staff = requireStaff(ctx);
  const tenant = await ctx.loaders.tenant.load(staff.tenantId);
  if (tenant?.definition.features.registration !== "manager_invitation") return closed();
  if (!ctx.rt.mailer) return noMail();
  const problems = dealerProblems(input);
  if (problems.length > 0) return invalid(problems);
  const d = await createDealer(ctx, tenant.id, input);
  const url = link(ctx, tenant.slug, "/login");
  const mail = d.password
    ? mails.credentials(tenant.name, url, d.email, d.password)
    : mails.accessGranted(tenant.name, url, input.legalName.trim());
  const n = await sendMail(ctx, tenant.id, { to: d.email, ...mail });
  await audit(ctx, tenant.id, {
    action: "dealer.invited",
    companyId: d.companyId,
    objects: [
      { type: "DealerCompany", id: d.companyId, label: input.legalName.trim() },
      { type: "User", id: d.userId, label: d.email },
    ],
    notifications: [n],
  });
  return {
    __typename: "DealerInvited" as const,
    membershipId: d.membershipId,
    message: `Приглашение отправлено на ${d.email}`,
  };
}

/** vitup: staff create a cabinet per retail outlet from a supply contract and hand the login over. */
export async function createOutletCabinet(
  ctx: IdentityContext,
  input: NewDealer & { outletName: string; address?: string | null; phone: string; contractNumber: string },
) {
  const staff = requireStaff(ctx);
  const tenant = await ctx.loaders.tenant.load(staff.tenantId);
  if (tenant?.definition.features.registration !== "staff_created") return closed();
  const problems = dealerProblems(input);
  const add = (field: string, m: string | null) => m && problems.push({ field, message: m });
  add("outletName", input.outletName.trim() === "" ? "Укажите название торговой точки" : null);
  add("phone", phoneProblem(input.phone));
  add("contractNumber", input.contractNumber.trim() === "" ? "Укажите номер договора поставки" : null);
  if (!problems.some((p) => p.field === "email") && (await userByEmail(ctx.db, normalizeEmail(input.email)))) {
    add("email", "С этим e-mail уже есть кабинет — укажите e-mail торговой точки");
  }
  if (problems.length > 0) return invalid(problems);
  const d = await createDealer(ctx, tenant.id, input, {
    name: input.outletName.trim(),
    address: input.address?.trim() || null,
    phone: input.phone.trim(),
    contractNumber: input.contractNumber.trim(),
  });
  await audit(ctx, tenant.id, {
    action: "outlet.created",
    companyId: d.companyId,
    objects: [
      { type: "DealerCompany", id: d.companyId, label: input.legalName.trim() },
      { type: "Outlet", id: input.outletName.trim() },
    ],
  });
  return {
    __typename: "OutletCabinet" as const,
    login: d.email,
    temporaryPassword: d.password ?? "",
    membershipId: d.membershipId,
  };
}
