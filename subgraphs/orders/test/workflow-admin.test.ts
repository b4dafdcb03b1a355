import { type Stack, startStack } from "@dpp/testkit/stack";
import postgres from "postgres";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { gatewayClient } from "./gateway-helpers.ts";
import { addTenantAdmin } from "./workflow-admin-fixtures.ts";

/**
 * The tenant admin's workflow editor through the real gateway: problems named per status and
 * transition, a valid change saved as a new version with its author, orders submitted before it
 * still moving by their own version, and in-flight orders moved to the new version by an
 * explicit, previewed step written to the outbox and the history.
 */
let stack: Stack;
let c: ReturnType<typeof gatewayClient>;
let sql: postgres.Sql;
let admin: { token: string; userId: string };
const SLUG = "wasserkraft";

beforeAll(async () => {
  stack = await startStack();
  c = gatewayClient(stack);
  sql = postgres(stack.db.adminUrl, { max: 2, onnotice: () => {} });
  admin = await addTenantAdmin(stack, c.tenantOf(SLUG).id, SLUG);
});
afterAll(async () => {
  await sql?.end();
  await stack?.stop();
});

const DEFINITION = `statuses { code label labelEn category color editableBy tab } initial
  tabs { code label labelEn kind } transitions { from to by label labelEn guards effects on }
  managerPool managerEditEffects`;
const VERSIONS = `query { orderWorkflowVersions { version current author { id } comment inFlightOrders createdAt definition { ${DEFINITION} } } }`;
const SAVE = `mutation($i: SaveOrderWorkflowInput!) { saveOrderWorkflow(input: $i) {
  __typename ... on OrderWorkflowVersion { version current author { id } comment }
  ... on OrderWorkflowError { code message problems { code message status statusIndex transitionIndex field } } } }`;
const MOVE = `fromVersion mapped from { code } to { code } order { id number statusCode workflowVersion }`;
const PREVIEW = `query($i: OrderWorkflowMigrationInput!) { orderWorkflowMigrationPreview(input: $i) {
  __typename ... on OrderWorkflowMigration { toVersion ready unmapped { code label } problems { code } moves { ${MOVE} } }
  ... on OrderWorkflowError { code message } } }`;
const APPLY = `mutation($i: ApplyOrderWorkflowMigrationInput!) { applyOrderWorkflowMigration(input: $i) {
  __typename ... on OrderWorkflowMigration { toVersion moves { ${MOVE} } } ... on OrderWorkflowError { code message } } }`;

interface Definition {
  statuses: { code: string; label: string; category: string; tab: string }[];
  initial: string;
  transitions: { from: string; to: string; by: string[]; label: string; on: string | null }[];
  [k: string]: unknown;
}
type Version = { version: number; current: boolean; author: { id: string } | null; comment: string | null };
type Versions = { orderWorkflowVersions: (Version & { inFlightOrders: number; definition: Definition })[] };

const versions = async () => (await c.gql<Versions>(admin.token, VERSIONS)).orderWorkflowVersions;
const save = async (definition: Definition, comment: string) =>
  (await c.gql<{ saveOrderWorkflow: Record<string, unknown> }>(admin.token, SAVE, { i: { definition, comment } }))
    .saveOrderWorkflow;

/** The current workflow with "new" replaced by "received" (another code and label). */
function renamedInitial(wf: Definition): Definition {
  const rename = (code: string) => (code === "new" ? "received" : code);
  return {
    ...wf,
    initial: rename(wf.initial),
    statuses: wf.statuses.map((s) => (s.code === "new" ? { ...s, code: "received", label: "Принят" } : s)),
    transitions: wf.transitions.map((t) => ({ ...t, from: rename(t.from), to: rename(t.to) })),
  };
}

describe("workflow versions", () => {
  let v1: Definition;
  let dealer: string;
  let kept: { id: string };
  let renamed: { id: string };
  let waiting: { id: string };

  it("lists the seeded version as current, without an author", async () => {
    const list = await versions();
    expect(list.map((v) => [v.version, v.current, v.author, v.comment])).toEqual([[1, true, null, null]]);
    v1 = list[0]?.definition as Definition;
    expect(v1.initial).toBe("new");
    dealer = await c.login(`dealer@${SLUG}.demo`, SLUG);
    kept = await c.submitted(dealer, SLUG);
    renamed = await c.submitted(dealer, SLUG);
    waiting = await c.submitted(dealer, SLUG);
    // The first one moves on by version 1 before anything changes.
    expect((await c.event(SLUG, kept.id, "erp_received", "erp")).statusCode).toBe("awaiting_confirmation");
  });

  it("refuses an unreachable status and a dead end, naming each on its status, and saves nothing", async () => {
    const limbo = {
      ...v1.statuses[0],
      code: "limbo",
      label: "Лимб",
      category: "cancelled",
    } as Definition["statuses"][0];
    const stuck = { ...v1.statuses[0], code: "stuck", label: "Завис", category: "active" } as Definition["statuses"][0];
    const toStuck = { ...(v1.transitions[0] as Definition["transitions"][0]), to: "stuck", by: ["manager"], on: null };
    const r = await save(
      { ...v1, statuses: [...v1.statuses, limbo, stuck], transitions: [...v1.transitions, toStuck] },
      "сломанная",
    );
    expect(r).toMatchObject({ __typename: "OrderWorkflowError", code: "INVALID_WORKFLOW" });
    expect(r.problems).toEqual([
      {
        code: "UNREACHABLE",
        message: "Статус «Лимб» (limbo) недостижим: ни одна цепочка переходов не ведет в него из начального «Новый».",
        status: "limbo",
        statusIndex: v1.statuses.length,
        transitionIndex: null,
        field: null,
      },
      expect.objectContaining({ code: "DEAD_END", status: "stuck", statusIndex: v1.statuses.length + 1 }),
    ]);
    const unknownGuard = { ...toStuck, to: "shipped", guards: ["has_luck"] };
    const r2 = await save({ ...v1, transitions: [...v1.transitions, unknownGuard] }, "");
    expect(r2.problems).toEqual([
      expect.objectContaining({ code: "UNKNOWN_GUARD", transitionIndex: v1.transitions.length, field: "guards" }),
    ]);
    expect((await versions()).map((v) => v.version)).toEqual([1]);
  });

  it("refuses an unchanged workflow and anyone but the tenant admin", async () => {
    expect(await save(v1, "то же самое")).toMatchObject({ code: "UNCHANGED" });
    const manager = await c.login(`manager@${SLUG}.demo`, SLUG);
    await expect(c.gql(manager, SAVE, { i: { definition: v1 } })).rejects.toThrow(/FORBIDDEN/);
    await expect(c.gql(dealer, VERSIONS)).rejects.toThrow(/FORBIDDEN/);
  });

  it("saves a valid change as version 2 with its author; new orders follow it, submitted ones keep version 1", async () => {
    const r = await save(renamedInitial(v1), "«Новый» теперь «Принят»");
    expect(r).toEqual({
      __typename: "OrderWorkflowVersion",
      version: 2,
      current: true,
      author: { id: admin.userId },
      comment: "«Новый» теперь «Принят»",
    });
    const list = await versions();
    expect(list.map((v) => [v.version, v.current, v.inFlightOrders])).toEqual([
      [2, true, 0],
      [1, false, 3],
    ]);
    const fresh = await c.submitted(dealer, SLUG);
    expect(fresh.status).toMatchObject({ code: "received", label: "Принят" });
    // An order of version 1 still moves by version 1.
    expect((await c.event(SLUG, renamed.id, "erp_received", "erp")).statusCode).toBe("awaiting_confirmation");
    const [row] = await sql<{ workflow_version: number }[]>`
      select workflow_version from orders.orders where id = ${renamed.id}`;
    expect(row?.workflow_version).toBe(1);
  });

  it("previews moving in-flight orders, needs a mapping for a status version 2 lacks, applies it in one step", async () => {
    const manager = await c.login(`manager@${SLUG}.demo`, SLUG);
    const preview = async (mappings: { from: string; to: string }[]) =>
      (
        await c.gql<{ orderWorkflowMigrationPreview: Record<string, unknown> }>(admin.token, PREVIEW, {
          i: { toVersion: 2, mappings },
        })
      ).orderWorkflowMigrationPreview;

    const bare = await preview([]);
    expect(bare).toMatchObject({ toVersion: 2, ready: false, unmapped: [{ code: "new", label: "Новый" }] });
    const moves = bare.moves as { order: { id: string }; from: { code: string }; to: { code: string } | null }[];
    expect(moves.map((m) => [m.order.id, m.from.code, m.to?.code ?? null])).toEqual(
      expect.arrayContaining([
        [kept.id, "awaiting_confirmation", "awaiting_confirmation"],
        [renamed.id, "awaiting_confirmation", "awaiting_confirmation"],
        [waiting.id, "new", null],
      ]),
    );
    const orderIds = moves.map((m) => m.order.id);
    const apply = async (mappings: { from: string; to: string }[], ids = orderIds) =>
      (
        await c.gql<{ applyOrderWorkflowMigration: Record<string, unknown> }>(admin.token, APPLY, {
          i: { toVersion: 2, mappings, orderIds: ids },
        })
      ).applyOrderWorkflowMigration;

    expect(await apply([])).toMatchObject({ code: "MIGRATION_NOT_READY" });
    expect(await apply([{ from: "new", to: "received" }], orderIds.slice(1))).toMatchObject({
      code: "MIGRATION_STALE",
    });
    const unmoved =
      await sql`select id from orders.orders where workflow_version = 1 and not is_draft and id = any(${orderIds})`;
    expect(unmoved).toHaveLength(3);

    const mapped = await preview([{ from: "new", to: "received" }]);
    expect(mapped).toMatchObject({ ready: true, unmapped: [], problems: [] });
    const applied = await apply([{ from: "new", to: "received" }]);
    expect(applied.__typename).toBe("OrderWorkflowMigration");
    const after = await c.view(manager, waiting.id);
    expect(after.status).toMatchObject({ code: "received", label: "Принят" });
    expect((await versions()).map((v) => [v.version, v.inFlightOrders])).toEqual([
      [2, 4],
      [1, 0],
    ]);
    // The moved order follows version 2 from now on: the manager's moves are version 2's.
    expect((await c.event(SLUG, waiting.id, "erp_received", "erp")).statusCode).toBe("awaiting_confirmation");

    const events = await sql<{ payload: { toVersion: number; actorUserId: string; orders: unknown[] } }[]>`
      select payload from orders.outbox where topic = 'order.workflow_migrated'`;
    expect(events).toHaveLength(1);
    expect(events[0]?.payload).toMatchObject({ toVersion: 2, actorUserId: admin.userId });
    expect(events[0]?.payload.orders).toHaveLength(3);
    expect(await apply([{ from: "new", to: "received" }])).toMatchObject({ code: "MIGRATION_STALE" });
  });

  it("records saving and moving in the tenant's history", async () => {
    const actions = async () =>
      (
        await sql<{ action: string }[]>`
          select action from identity.audit_events
          where actor_user_id = ${admin.userId} and action like 'order.workflow_%' order by occurred_at`
      ).map((r) => r.action);
    for (let i = 0; i < 100 && (await actions()).length < 2; i++) await new Promise((r) => setTimeout(r, 100));
    expect(await actions()).toEqual(["order.workflow_saved", "order.workflow_migrated"]);
  });
});
