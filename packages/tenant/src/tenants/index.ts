import type { TenantDefinition } from "../definition.ts";
import { autoparts } from "./autoparts.ts";
import { keaz } from "./keaz.ts";
import { spectr } from "./spectr.ts";
import { vitup } from "./vitup.ts";
import { wasserkraft } from "./wasserkraft.ts";

export { autoparts, keaz, spectr, vitup, wasserkraft };

/** The five demo tenants built from shared/seeds/ (000..004), in seed order. */
export const demoTenantDefinitions: TenantDefinition[] = [wasserkraft, keaz, spectr, vitup, autoparts];

/** A demo tenant's definition by slug (tests and tools); throws when there is none. */
export function demoTenantDefinition(slug: string): TenantDefinition {
  const found = demoTenantDefinitions.find((d) => d.slug === slug);
  if (!found) throw new Error(`no demo tenant "${slug}"`);
  return found;
}
