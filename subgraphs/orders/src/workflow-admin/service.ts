import { isDeepStrictEqual } from "node:util";
import type { Actor } from "@dpp/auth";
import { newId, withTenant } from "@dpp/db";
import { forbidden, requireTenant } from "@dpp/server";
import type { Workflow } from "@dpp/tenant";
import type { OrdersContext } from "../context.ts";
import { insertOutbox, latestWorkflow, type OrdersTx } from "../db/queries.ts";
import {
  allVersions,
  inFlightOrders,
  insertVersion,
  moveToVersion,
  ordersPerStatus,
  type WorkflowVersionRow,
} from "./db.ts";
import { inFlight, type MigrationPlan, mappingsOf, planMigration } from "./migration.ts";
import { checkWorkflow, type WorkflowProblem } from "./problems.ts";
import { statusesInUse } from "./references.ts";

/** The workflow as the editor sends it: Workflow with `managerEdit.effects` flattened and `on` nullable. */
export interface WorkflowDefinitionInput {
  statuses: unknown[];
  initial: string;
  tabs: unknown[];
  transitions: (Record<string, unknown> & { on?: string | null })[];
  managerPool: boolean;
  managerEditEffects: string[];
}

export interface WorkflowAdminError {
  kind: "workflow_admin_error";
  code:
    | "INVALID_WORKFLOW"
    | "STATUS_IN_USE"
    | "UNCHANGED"
    | "VERSION_TAKEN"
    | "UNKNOWN_VERSION"
    | "MIGRATION_NOT_READY"
    | "MIGRATION_STALE";
  message: string;
  problems: WorkflowProblem[];
}

const adminError = (code: WorkflowAdminError["code"], message: string, problems: WorkflowProblem[] = []) =>
  ({ kind: "workflow_admin_error", code, message, problems }) satisfies WorkflowAdminError;

export const isWorkflowAdminError = (v: unknown): v is WorkflowAdminError =>
  typeof v === "object" && v !== null && (v as { kind?: unknown }).kind === "workflow_admin_error";

/** Only the tenant's administrator edits its workflow and moves orders between versions. */
export function requireTenantAdmin(actor: Actor): { tenantId: string; userId: string } {
  const tenantId = requireTenant(actor);
  if (actor.kind !== "user" || !actor.roles.includes("tenant_admin"))
    throw forbidden("Схему заказов настраивает администратор поставщика");
  return { tenantId, userId: actor.userId };
}

export function definitionOf(input: WorkflowDefinitionInput): unknown {
  const { managerEditEffects, transitions, ...rest } = input;
  return {
    ...rest,
    transitions: transitions.map(({ on, ...t }) => (on ? { ...t, on } : t)),
    managerEdit: { effects: managerEditEffects },
  };
}

/** A version as the API shows it, with how many in-flight orders still follow it. */
export interface WorkflowVersionView extends WorkflowVersionRow {
  current: boolean;
  inFlightOrders: number;
}

export async function listVersions(ctx: OrdersContext): Promise<WorkflowVersionView[]> {
  const { tenantId } = requireTenantAdmin(ctx.actor);
  return withTenant(ctx.db, tenantId, async (tx) => {
    const [versions, counts] = await Promise.all([allVersions(tx, tenantId), ordersPerStatus(tx, tenantId)]);
    return versions.map((v, i) => ({
      ...v,
      current: i === 0,
      inFlightOrders: counts
        .filter((c) => c.version === v.version && inFlight(v.definition, c.statusCode))
        .reduce((sum, c) => sum + c.count, 0),
    }));
  });
}

export function validateWorkflow(ctx: OrdersContext, input: WorkflowDefinitionInput): WorkflowProblem[] {
  requireTenantAdmin(ctx.actor);
  const r = checkWorkflow(definitionOf(input));
  return r.ok ? [] : r.problems;
}

/** Service only (identity's configuration checks document statuses against it): the current workflow. */
export async function currentWorkflowForService(ctx: OrdersContext): Promise<Workflow | null> {
  if (ctx.actor.kind !== "service") throw forbidden("Только для служб платформы");
  const tenantId = requireTenant(ctx.actor);
  return (await withTenant(ctx.db, tenantId, (tx) => latestWorkflow(tx, tenantId)))?.definition ?? null;
}

/**
 * Saves the edited workflow as the next version, with its author, time and comment; orders
 * already submitted keep the version they have. Refused with every problem when invalid, when it
 * drops a status the tenant's documents or bonus rule name (identity's current definition), and
 * when nothing changed. An `order.workflow_saved` event goes to the outbox (the history).
 */
export async function saveWorkflow(
  ctx: OrdersContext,
  input: { definition: WorkflowDefinitionInput; comment?: string | null },
): Promise<WorkflowVersionView | WorkflowAdminError> {
  const { tenantId, userId } = requireTenantAdmin(ctx.actor);
  const checked = checkWorkflow(definitionOf(input.definition));
  if (!checked.ok) {
    const n = checked.problems.length;
    return adminError(
      "INVALID_WORKFLOW",
      `Схема не сохранена: ошибок — ${n}. Исправьте их и сохраните снова.`,
      checked.problems,
    );
  }
  const definition = await ctx.services.tenantDefinition(tenantId, ctx.requestId);
  const comment = input.comment?.trim().slice(0, 500) || null;
  return withTenant(ctx.db, tenantId, async (tx) => {
    const [latest] = await allVersions(tx, tenantId);
    const inUse = statusesInUse(definition, latest?.definition ?? null, checked.workflow);
    if (inUse.length > 0)
      return adminError("STATUS_IN_USE", `Схема не сохранена: ${inUse.map((p) => p.message).join(" ")}`, inUse);
    if (latest && isDeepStrictEqual(latest.definition, checked.workflow))
      return adminError("UNCHANGED", `Схема не изменилась: текущая версия ${latest.version} такая же.`);
    const version = (latest?.version ?? 0) + 1;
    const saved = await insertVersion(tx, {
      tenantId,
      version,
      definition: checked.workflow,
      authorUserId: userId,
      comment,
    });
    if (!saved) return adminError("VERSION_TAKEN", "Схему только что сохранил кто-то еще: обновите страницу.");
    await insertOutbox(tx, {
      tenantId,
      id: newId("evt"),
      topic: "order.workflow_saved",
      payload: { version, actorUserId: userId, comment, at: saved.createdAt.toISOString() },
    });
    return { ...saved, current: true, inFlightOrders: 0 };
  });
}

export interface MigrationInput {
  toVersion: number;
  mappings?: { from: string; to: string }[] | null;
}

async function planIn(tx: OrdersTx, tenantId: string, input: MigrationInput, lock: boolean) {
  const versions = await allVersions(tx, tenantId);
  const target = versions.find((v) => v.version === input.toVersion);
  if (!target) return adminError("UNKNOWN_VERSION", `Версии ${input.toVersion} нет.`);
  const orders = await inFlightOrders(tx, tenantId, versions, target.version, lock);
  return planMigration({
    orders,
    versions: new Map<number, Workflow>(versions.map((v) => [v.version, v.definition])),
    toVersion: target.version,
    target: target.definition,
    mappings: mappingsOf(input.mappings ?? []),
  });
}

/** Which in-flight orders would move to version N and into which status there; nothing changes. */
export async function previewMigration(
  ctx: OrdersContext,
  input: MigrationInput,
): Promise<MigrationPlan | WorkflowAdminError> {
  const { tenantId } = requireTenantAdmin(ctx.actor);
  return withTenant(ctx.db, tenantId, (tx) => planIn(tx, tenantId, input, false));
}

/**
 * Applies a previewed migration in one transaction: the orders are locked, the plan is made
 * again and must name exactly the previewed orders, every order moves to version N in its
 * status there, and one `order.workflow_migrated` event lists them (the history). Nothing moves
 * when any order lacks a status or the orders changed since the preview.
 */
export async function applyMigration(
  ctx: OrdersContext,
  input: MigrationInput & { orderIds: string[] },
): Promise<(MigrationPlan & { kind: "applied" }) | WorkflowAdminError> {
  const { tenantId, userId } = requireTenantAdmin(ctx.actor);
  const result = await withTenant(ctx.db, tenantId, async (tx) => {
    const p = await planIn(tx, tenantId, input, true);
    if ("kind" in p) return p;
    const planned = p.moves.map((m) => m.orderId).sort();
    if (!isDeepStrictEqual(planned, [...input.orderIds].sort()))
      return adminError("MIGRATION_STALE", "Заказы изменились после предпросмотра: посмотрите список еще раз.");
    if (!p.ready)
      return adminError(
        "MIGRATION_NOT_READY",
        "Не для всех заказов выбран статус в новой версии: укажите соответствие.",
      );
    for (const m of p.moves) {
      const to = m.to?.code ?? m.from.code;
      await moveToVersion(tx, tenantId, m.orderId, p.toVersion, to, to !== m.from.code);
    }
    if (p.moves.length > 0)
      await insertOutbox(tx, {
        tenantId,
        id: newId("evt"),
        topic: "order.workflow_migrated",
        payload: {
          toVersion: p.toVersion,
          actorUserId: userId,
          at: new Date().toISOString(),
          orders: p.moves.map((m) => ({
            orderId: m.orderId,
            number: m.number,
            fromVersion: m.fromVersion,
            from: m.from.code,
            to: m.to?.code ?? m.from.code,
          })),
        },
      });
    return { ...p, kind: "applied" as const };
  });
  if (!isWorkflowAdminError(result)) for (const m of result.moves) ctx.forget(m.orderId);
  return result;
}
