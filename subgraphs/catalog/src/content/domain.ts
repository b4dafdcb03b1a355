import { Marked } from "marked";
import sanitizeHtml from "sanitize-html";

/** A page's fields as staff send them. */
export interface InfoPageInput {
  slug: string;
  title: string;
  markdown: string;
  position: number;
  published: boolean;
}

export interface FieldError {
  field: string;
  message: string;
}

type Checked<T> = { ok: true; value: T } | { ok: false; errors: FieldError[] };

const SLUG = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
export const MAX_MARKDOWN = 100_000;
export const MAX_BANNER_TEXT = 500;

/** Checks a page: a URL-safe slug, a title, a bounded body and a non-negative position. */
export function checkInfoPage(input: InfoPageInput): Checked<InfoPageInput> {
  const errors: FieldError[] = [];
  const slug = input.slug.trim();
  const title = input.title.trim();
  if (!SLUG.test(slug) || slug.length > 80) {
    errors.push({ field: "slug", message: "Адрес: латинские буквы, цифры и дефисы, до 80 символов" });
  }
  if (title.length === 0 || title.length > 200)
    errors.push({ field: "title", message: "Укажите заголовок до 200 символов" });
  if (input.markdown.trim().length === 0) errors.push({ field: "markdown", message: "Напишите текст страницы" });
  if (input.markdown.length > MAX_MARKDOWN) {
    errors.push({ field: "markdown", message: `Текст длиннее ${MAX_MARKDOWN} символов` });
  }
  if (!Number.isInteger(input.position) || input.position < 0 || input.position > 10_000) {
    errors.push({ field: "position", message: "Порядок: целое число от 0 до 10000" });
  }
  return errors.length > 0 ? { ok: false, errors } : { ok: true, value: { ...input, slug, title } };
}

const markdown = new Marked({ gfm: true, async: false });

/** Elements and attributes a page may keep; everything else (scripts, handlers, styles, frames) is dropped. */
const SANITIZE: sanitizeHtml.IOptions = {
  allowedTags: [
    ...["h1", "h2", "h3", "h4", "h5", "h6", "p", "br", "hr", "blockquote", "pre", "code"],
    ...["ul", "ol", "li", "strong", "em", "del", "a", "img"],
    ...["table", "thead", "tbody", "tr", "th", "td"],
  ],
  allowedAttributes: { a: ["href", "title", "rel"], img: ["src", "alt", "title"], th: ["align"], td: ["align"] },
  allowedSchemes: ["http", "https", "mailto", "tel"],
  allowedSchemesByTag: { img: ["http", "https"] },
  allowProtocolRelative: false,
  transformTags: { a: sanitizeHtml.simpleTransform("a", { rel: "noopener noreferrer" }) },
};

/** Markdown to HTML safe to insert into a page: raw HTML survives only as far as the allow-list says. */
export function renderMarkdown(source: string): string {
  return sanitizeHtml(markdown.parse(source) as string, SANITIZE);
}

export type BannerLevel = "info" | "warning" | "critical";

export interface BannerInput {
  text: string;
  level: BannerLevel;
  activeFrom: Date | null;
  activeUntil: Date | null;
}

/** Checks a banner: some text, not too long, and a period that does not end before it starts. */
export function checkBanner(input: BannerInput): Checked<BannerInput> {
  const errors: FieldError[] = [];
  const text = input.text.trim();
  if (text.length === 0 || text.length > MAX_BANNER_TEXT) {
    errors.push({ field: "text", message: `Текст объявления: от 1 до ${MAX_BANNER_TEXT} символов` });
  }
  if (input.activeFrom && input.activeUntil && input.activeUntil <= input.activeFrom) {
    errors.push({ field: "activeUntil", message: "Окончание должно быть позже начала" });
  }
  return errors.length > 0 ? { ok: false, errors } : { ok: true, value: { ...input, text } };
}

/** A banner shows from `activeFrom` (inclusive, open when absent) until `activeUntil` (exclusive, open when absent). */
export function bannerActive(b: { activeFrom: Date | null; activeUntil: Date | null }, now: Date): boolean {
  return (b.activeFrom === null || b.activeFrom <= now) && (b.activeUntil === null || now < b.activeUntil);
}
