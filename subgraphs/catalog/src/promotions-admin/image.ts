import { fileTypeFromBuffer } from "file-type";
import { imageSize } from "image-size";

/** The largest promotion image a manager may upload. */
export const MAX_IMAGE_BYTES = 1024 * 1024;
const ALLOWED = new Set(["image/png", "image/jpeg", "image/webp"]);

export type ImageCheck =
  | { ok: true; contentType: string; width: number; height: number }
  | { ok: false; code: "EMPTY_FILE" | "NOT_AN_IMAGE" | "IMAGE_TOO_LARGE"; message: string };

/**
 * A promotion image is recognised by its content (never its name): PNG, JPEG or WebP with real
 * dimensions, at most MAX_IMAGE_BYTES. SVG is refused — it may carry script.
 */
export async function checkImage(bytes: Uint8Array): Promise<ImageCheck> {
  if (bytes.length === 0) return { ok: false, code: "EMPTY_FILE", message: "Файл пуст" };
  if (bytes.length > MAX_IMAGE_BYTES) {
    return { ok: false, code: "IMAGE_TOO_LARGE", message: "Картинка больше 1 МБ — уменьшите её" };
  }
  const type = await fileTypeFromBuffer(bytes);
  let size: { width: number; height: number } | null = null;
  try {
    const s = imageSize(bytes);
    if (s.width > 0 && s.height > 0) size = { width: s.width, height: s.height };
  } catch {
    size = null;
  }
  if (!type || !ALLOWED.has(type.mime) || !size) {
    return { ok: false, code: "NOT_AN_IMAGE", message: "Файл не является картинкой: загрузите PNG, JPEG или WebP" };
  }
  return { ok: true, contentType: type.mime, ...size };
}
