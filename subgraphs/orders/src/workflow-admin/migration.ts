import type { Workflow, WorkflowStatus } from "@dpp/tenant";

/** A submitted order as the migration sees it. */
export interface InFlightOrder {
  id: string;
  number: string | null;
  statusCode: string;
  workflowVersion: number;
}

/** Where an order on another version goes in the target version: its status there, or none yet. */
export interface MigrationMove {
  orderId: string;
  number: string | null;
  fromVersion: number;
  from: WorkflowStatus;
  /** The status in the target version; null while the old status has no counterpart and no mapping. */
  to: WorkflowStatus | null;
  /** True when an explicit mapping chose `to` (the old code does not exist in the target, or was remapped). */
  mapped: boolean;
}

export interface MigrationMappingProblem {
  code: "UNKNOWN_TARGET_STATUS" | "FINAL_TARGET_STATUS" | "UNUSED_MAPPING";
  message: string;
  from: string;
}

export interface MigrationPlan {
  toVersion: number;
  moves: MigrationMove[];
  /** Old statuses (code and label) with no counterpart in the target and no mapping yet. */
  unmapped: WorkflowStatus[];
  problems: MigrationMappingProblem[];
  /** Every order has a status in the target and no mapping is wrong: the plan may be applied. */
  ready: boolean;
}

const isActive = (s: WorkflowStatus | undefined) => s?.category === "active";

/** Whether an order on `wf` is still in flight (its status is neither done nor cancelled). */
export function inFlight(wf: Workflow, statusCode: string): boolean {
  return isActive(wf.statuses.find((s) => s.code === statusCode));
}

/**
 * Moving in-flight orders of older (or other) versions to version `toVersion`: each keeps its
 * status code when the target has it, unless a mapping says otherwise; a code the target lacks
 * needs a mapping. A mapping must name an active status of the target: finishing or cancelling
 * an order is the workflow's job (its effects release stock, mail, bill), not a migration's.
 */
export function planMigration(input: {
  orders: readonly InFlightOrder[];
  versions: ReadonlyMap<number, Workflow>;
  toVersion: number;
  target: Workflow;
  mappings: Readonly<Record<string, string>>;
}): MigrationPlan {
  const { target, mappings } = input;
  const targetStatus = new Map(target.statuses.map((s) => [s.code, s]));
  const problems: MigrationMappingProblem[] = [];
  const used = new Set<string>();
  const moves: MigrationMove[] = [];
  const unmapped = new Map<string, WorkflowStatus>();
  for (const o of input.orders) {
    if (o.workflowVersion === input.toVersion) continue;
    const wf = input.versions.get(o.workflowVersion);
    const from = wf?.statuses.find((s) => s.code === o.statusCode);
    if (!wf || !from || !isActive(from)) continue;
    const mappedCode = mappings[o.statusCode];
    if (mappedCode !== undefined) used.add(o.statusCode);
    const code = mappedCode ?? o.statusCode;
    const to = targetStatus.get(code);
    const usable = isActive(to) ? (to ?? null) : null;
    if (!usable && mappedCode === undefined) unmapped.set(from.code, from);
    moves.push({
      orderId: o.id,
      number: o.number,
      fromVersion: o.workflowVersion,
      from,
      to: usable,
      mapped: mappedCode !== undefined,
    });
  }
  for (const [from, to] of Object.entries(mappings)) {
    const status = targetStatus.get(to);
    if (!status)
      problems.push({
        code: "UNKNOWN_TARGET_STATUS",
        from,
        message: `Статус «${from}»: в версии ${input.toVersion} нет статуса «${to}».`,
      });
    else if (!isActive(status))
      problems.push({
        code: "FINAL_TARGET_STATUS",
        from,
        message: `Статус «${from}»: перевести заказ можно только в статус «в работе»; «${status.label}» завершает заказ — завершите или отмените его переходом схемы.`,
      });
    else if (!used.has(from))
      problems.push({
        code: "UNUSED_MAPPING",
        from,
        message: `Статус «${from}»: ни один заказ в работе не находится в этом статусе.`,
      });
  }
  const blocking = problems.filter((p) => p.code !== "UNUSED_MAPPING");
  return {
    toVersion: input.toVersion,
    moves,
    unmapped: [...unmapped.values()],
    problems,
    ready: blocking.length === 0 && moves.every((m) => m.to !== null),
  };
}

/** The mappings as a record, the last one for a status winning; empty targets are no mapping. */
export function mappingsOf(list: readonly { from: string; to: string }[]): Record<string, string> {
  const out: Record<string, string> = {};
  for (const m of list) if (m.to.trim()) out[m.from] = m.to.trim();
  return out;
}
