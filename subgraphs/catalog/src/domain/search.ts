/** Turning what a dealer types into a search plan, and the ranked keyset cursor. Pure. */

export type SearchPlan =
  | { kind: "all" }
  | {
      kind: "search";
      text: string;
      /** Whole text and each word: matched exactly against articles ("several articles separated by spaces"). */
      exactArticles: string[];
      /** Article prefix (the whole text), or null when the text is shorter than the tenant's minimum. */
      articlePrefix: string | null;
      /** to_tsquery('russian', …) text with prefix matching per word, or null when too short. */
      tsquery: string | null;
      /** Text for trigram similarity (typos), or null when too short. */
      fuzzy: string | null;
      /** True when only exact articles may match (text shorter than the minimum). */
      tooShort: boolean;
      minChars: number;
    };

const MAX_TOKENS = 100;

export function planSearch(input: string | null | undefined, minChars: number): SearchPlan {
  const text = (input ?? "").trim().replace(/\s+/g, " ");
  if (text === "") return { kind: "all" };
  const tokens = text.split(" ").slice(0, MAX_TOKENS);
  const exactArticles = [...new Set([text, ...tokens])];
  const tooShort = [...text].length < minChars;
  const words = (text.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? []).slice(0, 16);
  const tsquery = !tooShort && words.length > 0 ? words.map((w) => `'${w}':*`).join(" & ") : null;
  return {
    kind: "search",
    text,
    exactArticles,
    articlePrefix: tooShort ? null : text,
    tsquery,
    fuzzy: !tooShort && words.length > 0 ? words.join(" ") : null,
    tooShort,
    minChars,
  };
}

/**
 * Position of a row in ranked results: tier (0 exact article, 1 article prefix, 2 words,
 * 3 similar words), score (higher first; integer), article (tie-break, unique per tenant).
 */
export interface RankKey {
  tier: number;
  score: number;
  article: string;
  /** When browsing without a query: the navigation group the row sorts under. */
  group?: string;
}

export function encodeCursor(k: RankKey): string {
  const tuple = k.group === undefined ? [k.tier, k.score, k.article] : [k.tier, k.score, k.article, k.group];
  return Buffer.from(JSON.stringify(tuple), "utf8").toString("base64url");
}

/** Null for a missing cursor; throws RangeError for a malformed one (the resolver names it). */
export function decodeCursor(cursor: string | null | undefined): RankKey | null {
  if (!cursor) return null;
  try {
    const v: unknown = JSON.parse(Buffer.from(cursor, "base64url").toString("utf8"));
    if (
      Array.isArray(v) &&
      (v.length === 3 || (v.length === 4 && typeof v[3] === "string")) &&
      Number.isInteger(v[0]) &&
      Number.isInteger(v[1]) &&
      typeof v[2] === "string"
    ) {
      return v.length === 4
        ? { tier: v[0], score: v[1], article: v[2], group: v[3] }
        : { tier: v[0], score: v[1], article: v[2] };
    }
  } catch {
    // fall through
  }
  throw new RangeError("malformed cursor");
}
