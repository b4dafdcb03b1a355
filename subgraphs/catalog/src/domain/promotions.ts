/** Promotions (акции): who sees which, and what a valid one looks like. Pure. */

export type Audience = "all" | "individual";

export interface Promotion {
  id: string;
  title: string;
  body: string;
  imageUrl: string | null;
  audience: Audience;
  /** Partner companies of an individual promotion. */
  companyIds: string[];
  validFrom: string;
  validUntil: string | null;
}

export interface PromotionViewer {
  /** The dealer's company; null for staff and services. */
  companyId: string | null;
  /** Staff see every promotion of the tenant, to manage them. */
  staff: boolean;
}

/** Current on `day` (inclusive period) and meant for this viewer. */
export function visibleTo(p: Promotion, viewer: PromotionViewer, day: string): boolean {
  if (p.validFrom > day || (p.validUntil !== null && p.validUntil < day)) return false;
  if (viewer.staff || p.audience === "all") return true;
  return viewer.companyId !== null && p.companyIds.includes(viewer.companyId);
}

export interface PromotionInput {
  title: string;
  body: string;
  imageUrl?: string | null;
  audience: Audience;
  companyIds?: string[] | null;
  validFrom: string;
  validUntil?: string | null;
}

export type PromotionCheck =
  | { ok: true; value: Omit<Promotion, "id"> }
  | { ok: false; errors: { field: string; message: string }[] };

const ISO_DAY = /^\d{4}-\d{2}-\d{2}$/;
const isDay = (s: string) => ISO_DAY.test(s) && new Date(`${s}T00:00:00Z`).toISOString().slice(0, 10) === s;

/** Title and text required, a real period, an https (or site-relative) image, partners for an individual one. */
export function checkPromotion(input: PromotionInput): PromotionCheck {
  const errors: { field: string; message: string }[] = [];
  const title = input.title.trim();
  const body = input.body.trim();
  if (title === "") errors.push({ field: "title", message: "Укажите заголовок акции" });
  else if (title.length > 200) errors.push({ field: "title", message: "Заголовок длиннее 200 символов" });
  if (body === "") errors.push({ field: "body", message: "Укажите текст акции" });
  const imageUrl = input.imageUrl?.trim() || null;
  if (imageUrl && !/^(https:\/\/|\/(?!\/))\S+$/.test(imageUrl)) {
    errors.push({ field: "imageUrl", message: "Картинка: адрес https://… или путь на сайте /…" });
  }
  if (!isDay(input.validFrom)) errors.push({ field: "validFrom", message: "Дата начала: ГГГГ-ММ-ДД" });
  const until = input.validUntil ?? null;
  if (until !== null && !isDay(until)) errors.push({ field: "validUntil", message: "Дата окончания: ГГГГ-ММ-ДД" });
  else if (until !== null && isDay(input.validFrom) && until < input.validFrom) {
    errors.push({ field: "validUntil", message: "Дата окончания раньше даты начала" });
  }
  const companyIds = [...new Set((input.companyIds ?? []).map((c) => c.trim()).filter(Boolean))];
  if (input.audience === "individual" && companyIds.length === 0) {
    errors.push({ field: "companyIds", message: "Индивидуальная акция: укажите партнёров" });
  }
  if (input.audience === "all" && companyIds.length > 0) {
    errors.push({ field: "companyIds", message: "Акция для всех не ограничивается партнёрами" });
  }
  if (errors.length > 0) return { ok: false, errors };
  return {
    ok: true,
    value: {
      title,
      body,
      imageUrl,
      audience: input.audience,
      companyIds,
      validFrom: input.validFrom,
      validUntil: until,
    },
  };
}
