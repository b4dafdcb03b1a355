import { isDeepStrictEqual } from "node:util";
import { contrastRatio, type TenantDefinition, tenantDefinitionSchema, WCAG_AA_NORMAL } from "@dpp/tenant";
import { z } from "zod";

const ru = z.locales.ru().localeError;

/** One problem of a definition, where it is (dot path, e.g. features.minSearchChars) and what. */
export interface DefinitionProblem {
  path: string;
  message: string;
}

/**
 * A whole definition checked as the platform loads it (packages/tenant's schema, workflow checks,
 * document statuses) plus the brand's contrast: every problem with its path, or the definition.
 */
export function checkDefinition(
  input: unknown,
): { ok: true; definition: TenantDefinition } | { ok: false; problems: DefinitionProblem[] } {
  const r = tenantDefinitionSchema.safeParse(input, { error: ru });
  const problems = r.success
    ? []
    : r.error.issues.map((i) => ({ path: i.path.join(".") || "(root)", message: i.message }));
  const contrast = contrastProblem((input as { branding?: unknown } | null)?.branding);
  if (contrast) problems.push(contrast);
  return r.success && problems.length === 0 ? { ok: true, definition: r.data } : { ok: false, problems };
}

const HEX = /^#[0-9a-fA-F]{6}$/;

/** Text on the brand colour must keep WCAG AA contrast (checked when both colours are #rrggbb). */
function contrastProblem(branding: unknown): DefinitionProblem | null {
  const { primary, onPrimary } = (branding ?? {}) as { primary?: unknown; onPrimary?: unknown };
  if (typeof primary !== "string" || typeof onPrimary !== "string" || !HEX.test(primary) || !HEX.test(onPrimary))
    return null;
  const ratio = contrastRatio(primary, onPrimary);
  if (ratio >= WCAG_AA_NORMAL) return null;
  return {
    path: "branding.onPrimary",
    message: `Контраст текста с основным цветом ${ratio.toFixed(2)}:1, нужно не меньше ${WCAG_AA_NORMAL}:1`,
  };
}

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === "object" && v !== null && !Array.isArray(v);

/** A value as the history shows it: short JSON, long markup and lists summarised. */
function shown(v: unknown): string {
  if (v === undefined) return "—";
  if (typeof v === "string" && v.length > 60) return `(текст, ${v.length} симв.)`;
  const s = JSON.stringify(v);
  return s.length > 60 ? `${s.slice(0, 57)}…` : s;
}

/**
 * What changed from one version to the next, one line per changed leaf («path: before → after»);
 * lists of objects of the same length item by item, other lists whole; long texts by their length. The version history shows these.
 */
export function definitionChanges(before: unknown, after: unknown, path = ""): string[] {
  if (isDeepStrictEqual(before, after)) return [];
  // Lists of settings (document types, statuses) of the same length: compared item by item.
  if (Array.isArray(before) && Array.isArray(after) && before.length === after.length && after.every(isObject)) {
    return after.flatMap((item, i) => definitionChanges(before[i], item, `${path}.${i}`));
  }
  if (isObject(before) && isObject(after)) {
    const keys = [...new Set([...Object.keys(before), ...Object.keys(after)])];
    return keys.flatMap((k) => definitionChanges(before[k], after[k], path ? `${path}.${k}` : k));
  }
  return [`${path || "(root)"}: ${shown(before)} → ${shown(after)}`];
}
