import ELK, { type ElkExtendedEdge, type ElkNode } from "elkjs/lib/elk.bundled.js";
import type { WorkflowDef, WorkflowProblem } from "../graphql/workflow-admin";
import { ACTOR_RU, EVENT_RU } from "./workflow-form";

/**
 * The workflow as a diagram, laid out on the server by ELK's layered algorithm (decision 0019):
 * statuses as boxes in their colours, transitions as orthogonal arrows with their labels, an
 * entry arrow into the initial status, and each problem's number on what it concerns. The page
 * draws the result as SVG, so it shows without JavaScript.
 */
export interface DiagramNode {
  id: string;
  code: string;
  label: string;
  color: string;
  final: boolean;
  x: number;
  y: number;
  width: number;
  height: number;
  /** Numbers (1-based, as the problem list shows them) of the problems marked on this status. */
  problems: number[];
  /** A short name of what is wrong, shown under the box: «недостижим», «тупик», … */
  flags: string[];
}
export interface DiagramEdge {
  id: string;
  path: [number, number][];
  lines: string[];
  /** The whole label and who fires it, unclipped (the arrow's tooltip). */
  title: string;
  labelX: number;
  labelY: number;
  labelWidth: number;
  labelHeight: number;
  problems: number[];
  system: boolean;
}
export interface Diagram {
  width: number;
  height: number;
  nodes: DiagramNode[];
  edges: DiagramEdge[];
  start: { x: number; y: number; width: number; height: number } | null;
}

const elk = new ELK();
const START = "start";
const FLAG_RU: Record<string, string> = { UNREACHABLE: "недостижим", DEAD_END: "тупик" };
const charWidth = (px: number) => px * 0.6;
const clip = (s: string, n: number) => (s.length > n ? `${s.slice(0, n - 1)}…` : s);

function edgeLines(t: WorkflowDef["transitions"][number]): string[] {
  const who = t.by.map((a) => ACTOR_RU[a]?.toLowerCase() ?? a).join(", ");
  const event = t.on ? `: ${EVENT_RU[t.on] ?? t.on}` : "";
  return [clip(t.label || "(без названия)", 40), clip(`${who}${event}`, 44)];
}

/** Laid-out diagrams by their input: a saved version is laid out once per process (a layout takes tens of ms). */
const cache = new Map<string, Promise<Diagram>>();
const CACHE_SIZE = 100;

export function layoutWorkflow(d: WorkflowDef, problems: readonly WorkflowProblem[]): Promise<Diagram> {
  const key = JSON.stringify([d, problems]);
  const hit = cache.get(key);
  if (hit) return hit;
  const made = layout(d, problems);
  cache.set(key, made);
  made.catch(() => cache.delete(key));
  if (cache.size > CACHE_SIZE) cache.delete(cache.keys().next().value as string);
  return made;
}

async function layout(d: WorkflowDef, problems: readonly WorkflowProblem[]): Promise<Diagram> {
  const firstIndex = new Map<string, number>();
  d.statuses.forEach((s, i) => {
    if (!firstIndex.has(s.code)) firstIndex.set(s.code, i);
  });
  const nodeOf = (code: string) => {
    const i = firstIndex.get(code);
    return i === undefined ? null : `s${i}`;
  };
  const drawn = d.transitions.map((t) => {
    const source = nodeOf(t.from);
    const target = nodeOf(t.to);
    return source && target && source !== target ? { source, target } : null;
  });
  const nodeProblems = new Map<string, number[]>();
  const edgeProblems = new Map<number, number[]>();
  const flags = new Map<string, string[]>();
  const add = <K>(m: Map<K, number[]>, k: K, n: number) => m.set(k, [...(m.get(k) ?? []), n]);
  problems.forEach((p, k) => {
    const n = k + 1;
    if (p.transitionIndex !== null) {
      if (drawn[p.transitionIndex]) add(edgeProblems, p.transitionIndex, n);
      else {
        const from = nodeOf(d.transitions[p.transitionIndex]?.from ?? "");
        if (from) add(nodeProblems, from, n);
      }
      return;
    }
    const id = p.statusIndex !== null ? `s${p.statusIndex}` : p.status ? nodeOf(p.status) : null;
    if (!id) return;
    add(nodeProblems, id, n);
    const flag = FLAG_RU[p.code] ?? "ошибка";
    if (!flags.get(id)?.includes(flag)) flags.set(id, [...(flags.get(id) ?? []), flag]);
  });

  const children: ElkNode[] = d.statuses.map((s, i) => ({
    id: `s${i}`,
    width: Math.max(120, Math.ceil(Math.max(charWidth(14) * s.label.length, charWidth(11) * s.code.length)) + 28),
    height: flags.has(`s${i}`) ? 66 : 50,
  }));
  const initial = nodeOf(d.initial);
  if (initial) children.unshift({ id: START, width: 150, height: 30 });
  const edges: ElkExtendedEdge[] = [];
  const full = new Map<string, string>();
  d.transitions.forEach((t, j) => {
    const ends = drawn[j];
    if (!ends) return;
    const lines = edgeLines(t);
    full.set(
      `t${j}`,
      `${t.label} (${t.from} → ${t.to}): ${t.by.map((a) => ACTOR_RU[a] ?? a).join(", ")}${t.on ? `, ${EVENT_RU[t.on] ?? t.on}` : ""}`,
    );
    const width = Math.ceil(Math.max(...lines.map((l) => l.length)) * charWidth(11)) + 10;
    edges.push({
      id: `t${j}`,
      sources: [ends.source],
      targets: [ends.target],
      labels: [{ text: lines.join("\n"), width, height: 30 }],
    });
  });
  if (initial) edges.push({ id: "entry", sources: [START], targets: [initial] });

  const graph: ElkNode = await elk.layout({
    id: "root",
    layoutOptions: {
      "elk.algorithm": "layered",
      "elk.direction": "DOWN",
      "elk.edgeRouting": "ORTHOGONAL",
      "elk.layered.spacing.nodeNodeBetweenLayers": "56",
      "elk.spacing.nodeNode": "40",
      "elk.spacing.edgeLabel": "4",
      "elk.spacing.edgeEdge": "14",
      "elk.edgeLabels.inline": "false",
      "elk.layered.nodePlacement.strategy": "BRANDES_KOEPF",
      "elk.padding": "[top=16,left=16,bottom=16,right=16]",
    },
    children,
    edges,
  });

  const placed = new Map((graph.children ?? []).map((c) => [c.id, c]));
  const nodes: DiagramNode[] = d.statuses.map((s, i) => {
    const c = placed.get(`s${i}`);
    return {
      id: `s${i}`,
      code: s.code,
      label: s.label,
      color: /^#[0-9a-f]{6}$/i.test(s.color) ? s.color : "#6b7280",
      final: s.category === "done" || s.category === "cancelled",
      x: c?.x ?? 0,
      y: c?.y ?? 0,
      width: c?.width ?? 0,
      height: c?.height ?? 0,
      problems: nodeProblems.get(`s${i}`) ?? [],
      flags: flags.get(`s${i}`) ?? [],
    };
  });
  const laidEdges: DiagramEdge[] = (graph.edges ?? []).flatMap((e) => {
    const section = e.sections?.[0];
    if (!section) return [];
    const path: [number, number][] = [
      [section.startPoint.x, section.startPoint.y],
      ...(section.bendPoints ?? []).map((p): [number, number] => [p.x, p.y]),
      [section.endPoint.x, section.endPoint.y],
    ];
    const label = e.labels?.[0];
    const j = Number(e.id.slice(1));
    return [
      {
        id: e.id,
        path,
        lines: label?.text?.split("\n") ?? [],
        title: full.get(e.id) ?? "",
        labelX: label?.x ?? 0,
        labelY: label?.y ?? 0,
        labelWidth: label?.width ?? 0,
        labelHeight: label?.height ?? 0,
        problems: e.id === "entry" ? [] : (edgeProblems.get(j) ?? []),
        system: e.id !== "entry" && (d.transitions[j]?.by.includes("system") ?? false),
      },
    ];
  });
  const s = placed.get(START);
  return {
    width: Math.ceil(graph.width ?? 0),
    height: Math.ceil(graph.height ?? 0),
    nodes,
    edges: laidEdges,
    start: s ? { x: s.x ?? 0, y: s.y ?? 0, width: s.width ?? 0, height: s.height ?? 0 } : null,
  };
}
