import { demoTenantDefinitions } from "@dpp/tenant";
import { layoutWorkflow } from "../portal/app/lib/workflow-diagram.server.ts";
import { type Stats, sequential } from "./src/measure.ts";

/**
 * The workflow editor's diagram layout (ELK layered, on the portal server, decision 0019): each
 * demo tenant's workflow laid out warm (uncached: the page caches saved versions' layouts), and the
 * first layout in a process (ELK's start-up).
 * `--smoke`: few runs.
 */
export async function workflowDiagram(opts: { smoke: boolean }): Promise<Record<string, Stats | number>> {
  const runs = opts.smoke ? 3 : 30;
  const defs = demoTenantDefinitions.map((d) => ({
    slug: d.slug,
    wf: {
      ...d.workflow,
      transitions: d.workflow.transitions.map((t) => ({ ...t, on: t.on ?? null })),
      managerEditEffects: d.workflow.managerEdit.effects,
    },
  }));
  const first = performance.now();
  await layoutWorkflow(defs[0]?.wf as never, []);
  const out: Record<string, Stats | number> = { firstLayoutMs: Math.round(performance.now() - first) };
  for (const { slug, wf } of defs) {
    let n = 0;
    out[`${slug} (${wf.statuses.length} statuses, ${wf.transitions.length} transitions)`] = await sequential(
      async () => {
        // Another label each run, so the page's layout cache never answers.
        const edited = { ...wf, statuses: wf.statuses.map((s, i) => (i ? s : { ...s, label: `${s.label} ${n++}` })) };
        await layoutWorkflow(edited as never, []);
      },
      runs,
      Math.min(runs, 5),
    );
  }
  return out;
}
