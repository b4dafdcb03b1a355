import { createHash, randomInt } from "node:crypto";
import { withTenant } from "@dpp/db";
import { requireUser } from "@dpp/server";
import { hash, verify } from "@node-rs/argon2";
import { and, eq } from "drizzle-orm";
import type { IdentityContext } from "../context.ts";
import { membershipsOfUser, userByEmail } from "../db/queries.ts";
import { memberships, users } from "../db/schema.ts";
import { normalizeEmail } from "../domain/email.ts";
import { mails } from "../domain/mail-text.ts";
import { chooseMembership } from "../domain/membership.ts";
import { passwordProblem } from "../domain/password-policy.ts";
import { emailProblem, type FieldProblem, phoneProblem } from "../domain/registration.ts";
import { revokeAllSessions } from "./sessions.ts";
import { accepted, accountError, audit, invalid, issueLink, sendMail, tenantRow, tooMany, useLink } from "./support.ts";

const hours = (ctx: IdentityContext) => Math.round(ctx.rt.linkTtlSeconds / 3600);
const portal = (ctx: IdentityContext, slug: string, path: string, token: string) =>
  `${ctx.rt.portalUrl}${path}?brand=${encodeURIComponent(slug)}&token=${encodeURIComponent(token)}`;

/**
 * Recovery: always the same answer. A mail goes only when the e-mail has a cabinet in the tenant;
 * attempts count per e-mail and per IP either way.
 */
export async function requestPasswordReset(ctx: IdentityContext, input: { tenantSlug: string; email: string }) {
  const e = emailProblem(input.email);
  if (e) return invalid([{ field: "email", message: e }]);
  const email = normalizeEmail(input.email);
  const locked = await ctx.rt.limits.hit("recovery", { account: email, ip: ctx.ip });
  if (locked > 0) return tooMany(locked);
  const done = accepted(`Если ${email} зарегистрирован, на него придёт письмо со ссылкой для смены пароля`);
  const tenant = await tenantRow(ctx, input.tenantSlug);
  const user = await userByEmail(ctx.db, email);
  if (!tenant || !user || !ctx.rt.mailer) return done;
  if (!chooseMembership(await membershipsOfUser(ctx.db, user.id), tenant.slug)) return done;
  const token = await withTenant(ctx.db, tenant.id, (tx) =>
    issueLink(ctx, tx, { tenantId: tenant.id, purpose: "recover", email, userId: user.id }),
  );
  const n = await sendMail(ctx, tenant.id, {
    to: email,
    ...mails.recover(tenant.name, portal(ctx, tenant.slug, "/recover/new", token), hours(ctx)),
  });
  await audit(ctx, tenant.id, {
    action: "password.reset_requested",
    actorUserId: user.id,
    actorLabel: email,
    notifications: [n],
  });
  return done;
}

/** The recovery link: a new password under the tenant's policy; every session of the user ends. */
export async function resetPassword(
  ctx: IdentityContext,
  input: { token: string; password: string; passwordRepeat: string },
) {
  const result = await useLink(ctx, input.token, "recover", async (tx, l) => {
    const tenant = await ctx.loaders.tenant.load(l.tenantId);
    const problem = tenant
      ? passwordProblem(tenant.definition.features.passwordPolicy, input.password, input.passwordRepeat)
      : null;
    if (problem) return invalid([{ field: "password", message: problem }]);
    await tx
      .update(users)
      .set({ passwordHash: await hash(input.password), mustChangePassword: false })
      .where(eq(users.id, l.userId ?? ""));
    await audit(ctx, l.tenantId, { action: "password.reset", actorUserId: l.userId, actorLabel: l.email }, tx);
    return l;
  });
  if ("__typename" in result) return result;
  await revokeAllSessions(ctx.rt, result.userId ?? "");
  return accepted("Пароль изменён. Войдите с новым паролем.");
}

/** The signed-in user's own password; the tenant's policy applies. Clears "must change". */
export async function changePassword(
  ctx: IdentityContext,
  input: { currentPassword: string; password: string; passwordRepeat: string },
) {
  const a = requireUser(ctx.actor);
  const [user] = await ctx.db.select().from(users).where(eq(users.id, a.userId));
  if (!user) return accountError("NOT_FOUND", "Пользователь не найден");
  if (!(await verify(user.passwordHash, input.currentPassword).catch(() => false))) {
    return accountError("WRONG_PASSWORD", "Текущий пароль указан неверно", [
      { field: "currentPassword", message: "Неверный пароль" },
    ]);
  }
  const tenant = await ctx.loaders.tenant.load(a.tenantId);
  const problem = tenant
    ? passwordProblem(tenant.definition.features.passwordPolicy, input.password, input.passwordRepeat)
    : null;
  if (problem) return invalid([{ field: "password", message: problem }]);
  await ctx.db
    .update(users)
    .set({ passwordHash: await hash(input.password), mustChangePassword: false })
    .where(eq(users.id, a.userId));
  await audit(ctx, a.tenantId, { action: "password.changed", objects: [{ type: "User", id: a.userId }] });
  return accepted("Пароль изменён");
}

const codeHash = (code: string) => createHash("sha256").update(code).digest("hex");

/** keaz: a code goes to the old address and a link to the new one; both are needed. */
export async function requestEmailChange(ctx: IdentityContext, input: { newEmail: string }) {
  const a = requireUser(ctx.actor);
  const e = emailProblem(input.newEmail, "новый e-mail");
  if (e) return invalid([{ field: "newEmail", message: e }]);
  if (!ctx.rt.mailer) return accountError("MAIL_UNAVAILABLE", "Отправка писем не настроена");
  const newEmail = normalizeEmail(input.newEmail);
  const [user] = await ctx.db.select().from(users).where(eq(users.id, a.userId));
  const tenant = await ctx.loaders.tenant.load(a.tenantId);
  if (!user || !tenant) return accountError("NOT_FOUND", "Пользователь не найден");
  const locked = await ctx.rt.limits.hit("recovery", { account: user.email, ip: ctx.ip });
  if (locked > 0) return tooMany(locked);
  const code = String(randomInt(0, 1_000_000)).padStart(6, "0");
  const token = await withTenant(ctx.db, a.tenantId, (tx) =>
    issueLink(ctx, tx, {
      tenantId: a.tenantId,
      purpose: "email_change",
      email: newEmail,
      userId: a.userId,
      data: { codeHash: codeHash(code), oldEmail: user.email },
    }),
  );
  const n1 = await sendMail(ctx, a.tenantId, { to: user.email, ...mails.emailChangeCode(tenant.name, code, newEmail) });
  const n2 = await sendMail(ctx, a.tenantId, {
    to: newEmail,
    ...mails.emailChangeLink(tenant.name, portal(ctx, tenant.slug, "/profile/email", token)),
  });
  await audit(ctx, a.tenantId, {
    action: "email.change_requested",
    objects: [{ type: "User", id: a.userId }],
    notifications: [n1, n2],
  });
  return accepted("На ваш старый e-mail отправлен код подтверждения, на новый — ссылка");
}

/** The link from the new address plus the code from the old one change the login. */
export async function confirmEmailChange(ctx: IdentityContext, input: { token: string; code: string }) {
  const result = await useLink(ctx, input.token, "email_change", async (tx, l) => {
    const data = l.data as { codeHash: string; oldEmail: string };
    if (codeHash(input.code.trim()) !== data.codeHash) {
      return accountError("WRONG_CODE", "Неверный код из письма на прежний адрес", [
        { field: "code", message: "Неверный код" },
      ]);
    }
    if (await userByEmail(ctx.db, l.email))
      return accountError("LINK_USED", "Этот адрес уже занят другой учётной записью");
    await tx
      .update(users)
      .set({ email: l.email, emailVerifiedAt: new Date() })
      .where(eq(users.id, l.userId ?? ""));
    await audit(
      ctx,
      l.tenantId,
      {
        action: "email.changed",
        actorUserId: l.userId,
        actorLabel: data.oldEmail,
        objects: [{ type: "User", id: l.userId ?? "", label: l.email }],
      },
      tx,
    );
    return l;
  });
  if ("__typename" in result) return result;
  await revokeAllSessions(ctx.rt, result.userId ?? "");
  return accepted("Ваш e-mail успешно изменён. Войдите с новым адресом.");
}

export interface ProfileInput {
  surname?: string | null;
  givenName?: string | null;
  patronymic?: string | null;
  phones?: string[] | null;
  region?: string | null;
  birthDate?: string | null;
  extraEmails?: string[] | null;
}

/** Name parts, phones, region, birth date, extra e-mails — each checked, nothing saved on any error. */
export async function updateProfile(ctx: IdentityContext, input: ProfileInput) {
  const a = requireUser(ctx.actor);
  const problems: FieldProblem[] = [];
  (input.phones ?? []).forEach((p, i) => {
    const m = phoneProblem(p);
    if (m) problems.push({ field: `phones.${i}`, message: m });
  });
  (input.extraEmails ?? []).forEach((p, i) => {
    const m = emailProblem(p);
    if (m) problems.push({ field: `extraEmails.${i}`, message: m });
  });
  if (input.birthDate && !/^\d{4}-\d{2}-\d{2}$/.test(input.birthDate)) {
    problems.push({ field: "birthDate", message: "Дата рождения — в формате ГГГГ-ММ-ДД" });
  } else if (
    input.birthDate &&
    (Number.isNaN(Date.parse(input.birthDate)) || input.birthDate > new Date().toISOString().slice(0, 10))
  ) {
    problems.push({ field: "birthDate", message: "Такой даты рождения не бывает" });
  }
  if (problems.length > 0) return invalid(problems);
  const clean = (s: string | null | undefined) => (s === undefined ? undefined : s?.trim() || null);
  const patch = {
    surname: clean(input.surname),
    givenName: clean(input.givenName),
    patronymic: clean(input.patronymic),
    region: clean(input.region),
    birthDate: input.birthDate === undefined ? undefined : input.birthDate || null,
    phones: input.phones?.map((p) => p.trim()),
    extraEmails: input.extraEmails?.map(normalizeEmail),
  };
  const [user] = await ctx.db.update(users).set(patch).where(eq(users.id, a.userId)).returning();
  if (!user) return accountError("NOT_FOUND", "Пользователь не найден");
  const fullName = [user.surname, user.givenName, user.patronymic].filter(Boolean).join(" ");
  if (fullName) await ctx.db.update(users).set({ fullName }).where(eq(users.id, a.userId));
  await audit(ctx, a.tenantId, { action: "profile.updated", objects: [{ type: "User", id: a.userId }] });
  ctx.loaders.user.clear(a.userId);
  return { __typename: "User" as const, ...user, fullName: fullName || user.fullName };
}

/** wasserkraft: "request a data change" reaches the personal manager (or the tenant's contact). */
export async function requestDataChange(ctx: IdentityContext, input: { message: string }) {
  const a = requireUser(ctx.actor);
  const message = input.message.trim();
  if (message.length < 5) return invalid([{ field: "message", message: "Опишите, какие данные нужно изменить" }]);
  if (message.length > 4000) return invalid([{ field: "message", message: "Не длиннее 4000 символов" }]);
  if (!ctx.rt.mailer) return accountError("MAIL_UNAVAILABLE", "Отправка писем не настроена");
  const tenant = await ctx.loaders.tenant.load(a.tenantId);
  const [m] = await withTenant(ctx.db, a.tenantId, (tx) =>
    tx
      .select()
      .from(memberships)
      .where(and(eq(memberships.tenantId, a.tenantId), eq(memberships.userId, a.userId))),
  );
  const manager = m?.managerUserId ? await ctx.loaders.user.load(m.managerUserId) : null;
  const me = await ctx.loaders.user.load(a.userId);
  const company = a.companyId ? await ctx.loaders.company.load(a.companyId) : null;
  const to = manager?.email ?? tenant?.definition.contactEmail ?? "";
  const n = await sendMail(ctx, a.tenantId, {
    to,
    ...mails.dataChange(tenant?.name ?? "", company?.name ?? "", me?.email ?? "", message),
  });
  await audit(ctx, a.tenantId, {
    action: "profile.data_change_requested",
    objects: [{ type: "DealerCompany", id: a.companyId ?? "" }],
    notifications: [n],
  });
  return accepted("Запрос отправлен вашему менеджеру");
}
