import { ApolloArmor } from "@escape.tech/graphql-armor";
import type { NextFunction, Request, Response } from "express";
import { GraphQLError, type ValidationContext, type ValidationRule } from "graphql";

/**
 * Limits every operation must fit, whoever sends it. Anchors: Apollo Router's defaults
 * (parser_max_tokens 15 000, http_max_request_bytes 2 MB, batching off) tightened for this
 * API. The portal's heaviest operation (PortalCatalogSearch) is 6 levels deep and costs 13 173
 * in graphql-armor's model (objects 2, scalars 1, growing ×1.5 per level; list sizes are not
 * counted), so the cost limit leaves it ~2× headroom; a test checks every persisted portal
 * operation fits.
 */
export interface Limits {
  maxDepth: number;
  maxAliases: number;
  maxTokens: number;
  maxCost: number;
  maxDirectives: number;
  /** Operations in one batched HTTP request (a JSON array body). */
  maxBatch: number;
  /** Request body, bytes. */
  maxBodyBytes: number;
}

export const DEFAULT_LIMITS: Limits = {
  maxDepth: 10,
  maxAliases: 15,
  maxTokens: 3000,
  maxCost: 30_000,
  maxDirectives: 20,
  maxBatch: 10,
  // 2 MB as Apollo Router's http_max_request_bytes: an order import sends its file as base64
  // (10,000 lines of .xlsx with a name column ≈ 280 KB; the import takes files up to 1 MB).
  maxBodyBytes: 2 * 1024 * 1024,
};

/** The codes a client sees; Apollo Router's names where it has one. */
export type LimitCode =
  | "MAX_DEPTH_LIMIT"
  | "MAX_ALIASES_LIMIT"
  | "MAX_TOKENS_LIMIT"
  | "COST_ESTIMATED_TOO_EXPENSIVE"
  | "MAX_DIRECTIVES_LIMIT"
  | "BATCH_LIMIT_EXCEEDED"
  | "PAYLOAD_TOO_LARGE";

/** A rejected operation; the gateway's formatError gives it its own code instead of GRAPHQL_VALIDATION_FAILED. */
export class LimitError extends GraphQLError {
  constructor(
    readonly limitCode: LimitCode,
    message: string,
  ) {
    super(message, { extensions: { code: limitCode } });
  }
}

const reject =
  (code: LimitCode, describe: (found: string) => string) => (ctx: ValidationContext | null, error: GraphQLError) => {
    const found = /found (\d+)/.exec(error.message)?.[1] ?? "?";
    ctx?.reportError(new LimitError(code, describe(found)));
  };

/** The validation rules (graphql-armor) and parse options Apollo Server runs for every operation. */
export function limitRules(limits: Limits): { validationRules: ValidationRule[]; parseOptions: { maxTokens: number } } {
  const common = { exposeLimits: true, propagateOnRejection: false } as const;
  const armor = new ApolloArmor({
    blockFieldSuggestion: { enabled: false },
    maxTokens: { enabled: false },
    maxDepth: {
      ...common,
      n: limits.maxDepth,
      onReject: [
        reject("MAX_DEPTH_LIMIT", (f) => `Операция слишком глубокая: ${f} уровней при пределе ${limits.maxDepth}.`),
      ],
    },
    maxAliases: {
      ...common,
      n: limits.maxAliases,
      onReject: [
        reject("MAX_ALIASES_LIMIT", (f) => `Слишком много псевдонимов (alias): ${f} при пределе ${limits.maxAliases}.`),
      ],
    },
    costLimit: {
      ...common,
      maxCost: limits.maxCost,
      onReject: [
        reject(
          "COST_ESTIMATED_TOO_EXPENSIVE",
          (f) => `Операция слишком дорогая: оценка ${f} при пределе ${limits.maxCost}. Запросите меньше полей.`,
        ),
      ],
    },
    maxDirectives: {
      ...common,
      n: limits.maxDirectives,
      onReject: [
        reject("MAX_DIRECTIVES_LIMIT", (f) => `Слишком много директив: ${f} при пределе ${limits.maxDirectives}.`),
      ],
    },
  });
  const { validationRules } = armor.protect();
  return { validationRules: validationRules as ValidationRule[], parseOptions: { maxTokens: limits.maxTokens } };
}

// graphql-js 16 says "more that N tokens" (sic); accept the corrected spelling too.
const TOKENS = /Document contains more th(?:at|an) (\d+) tokens/;

/**
 * The code and message a client sees for a rejected operation, or undefined when the error is
 * not a limit. Apollo Server wraps validation errors in GRAPHQL_VALIDATION_FAILED and parse
 * errors in GRAPHQL_PARSE_FAILED; the original error says which limit it was.
 */
export function limitErrorOf(error: unknown, limits: Limits): { code: LimitCode; message: string } | undefined {
  let e: unknown = error;
  for (let i = 0; i < 3 && e; i++) {
    if (e instanceof LimitError) return { code: e.limitCode, message: e.message };
    if (e instanceof Error && TOKENS.test(e.message)) {
      return {
        code: "MAX_TOKENS_LIMIT",
        message: `Операция слишком длинная: больше ${limits.maxTokens} лексем.`,
      };
    }
    e = (e as { originalError?: unknown }).originalError;
  }
  return undefined;
}

const refuse = (res: Response, status: number, code: LimitCode, message: string) =>
  res.status(status).json({
    errors: [{ message, extensions: { code, requestId: res.locals.requestId } }],
  });

/** Refuses a JSON array body with more operations than the batch limit, before any GraphQL runs. */
export function batchLimit(limits: Limits) {
  return (req: Request, res: Response, next: NextFunction) => {
    if (Array.isArray(req.body) && req.body.length > limits.maxBatch) {
      refuse(res, 400, "BATCH_LIMIT_EXCEEDED", `В пакете ${req.body.length} операций при пределе ${limits.maxBatch}.`);
      return;
    }
    next();
  };
}

/** express.json's 413 (and malformed JSON) as a GraphQL-shaped error instead of an HTML page. */
export function bodyErrors(limits: Limits) {
  return (error: unknown, _req: Request, res: Response, next: NextFunction) => {
    const type = (error as { type?: string }).type;
    if (type === "entity.too.large") {
      refuse(res, 413, "PAYLOAD_TOO_LARGE", `Тело запроса больше ${Math.round(limits.maxBodyBytes / 1024)} КБ.`);
      return;
    }
    if (type === "entity.parse.failed") {
      res.status(400).json({
        errors: [
          { message: "Тело запроса — не JSON.", extensions: { code: "BAD_REQUEST", requestId: res.locals.requestId } },
        ],
      });
      return;
    }
    next(error);
  };
}
