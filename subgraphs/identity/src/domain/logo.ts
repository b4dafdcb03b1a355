import { fileTypeFromBuffer } from "file-type";
import { imageSize } from "image-size";

/** The largest logo file a tenant admin may upload. */
export const MAX_LOGO_BYTES = 200 * 1024;

const RASTER = new Set(["image/png", "image/jpeg", "image/webp", "image/gif"]);

export type LogoResult = { ok: true; svg: string; mime: string } | { ok: false; code: string; message: string };

/**
 * An uploaded logo as the definition keeps it (`branding.logoSvg`): the file, recognised by its
 * content (never by its name), embedded in an SVG of its own size. PNG, JPEG, WebP, GIF or SVG;
 * anything else, an empty file or one over MAX_LOGO_BYTES is refused with the reason.
 */
export async function logoFromUpload(bytes: Uint8Array): Promise<LogoResult> {
  if (bytes.length === 0) return { ok: false, code: "EMPTY_FILE", message: "Файл пуст" };
  if (bytes.length > MAX_LOGO_BYTES) {
    return {
      ok: false,
      code: "LOGO_TOO_LARGE",
      message: `Файл больше ${MAX_LOGO_BYTES / 1024} КБ — уменьшите логотип`,
    };
  }
  const detected = await fileTypeFromBuffer(bytes);
  let mime: string | null = detected && RASTER.has(detected.mime) ? detected.mime : null;
  let size: { width: number; height: number } | null = null;
  try {
    const s = imageSize(bytes);
    if (!mime && !detected && s.type === "svg") mime = "image/svg+xml";
    if (s.width > 0 && s.height > 0) size = { width: s.width, height: s.height };
  } catch {
    size = null;
  }
  if (!mime || !size) {
    return {
      ok: false,
      code: "NOT_AN_IMAGE",
      message: "Файл не является изображением: загрузите PNG, JPEG, WebP, GIF или SVG",
    };
  }
  const { width, height } = size;
  const href = `data:${mime};base64,${Buffer.from(bytes).toString("base64")}`;
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${width} ${height}" width="${width}" height="${height}"><image href="${href}" width="${width}" height="${height}"/></svg>`;
  return { ok: true, svg, mime };
}
