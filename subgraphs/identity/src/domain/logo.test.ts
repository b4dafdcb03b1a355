import { describe, expect, it } from "vitest";
import { logoFromUpload, MAX_LOGO_BYTES } from "./logo.ts";

const PNG = Buffer.from(
  "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==",
  "base64",
);
const SVG = Buffer.from(
  '<svg xmlns="http://www.w3.org/2000/svg" width="120" height="40"><rect width="120" height="40"/></svg>',
);
const ZIP = Buffer.from("UEsDBAoAAAAAAAAAIQAAAAAAAAAAAAAAAAAAAAAAUEsFBgAAAAAAAAAAAAAAAAAAAAAAAA==", "base64");

describe("logoFromUpload", () => {
  it.each([
    ["a PNG", PNG, { ok: true, mime: "image/png" }],
    ["an SVG", SVG, { ok: true, mime: "image/svg+xml" }],
    ["text", Buffer.from("Это не картинка, а текст"), { ok: false, code: "NOT_AN_IMAGE" }],
    ["a ZIP archive named like an image", ZIP, { ok: false, code: "NOT_AN_IMAGE" }],
    ["an empty file", Buffer.alloc(0), { ok: false, code: "EMPTY_FILE" }],
    [
      "a file over the limit",
      Buffer.concat([PNG, Buffer.alloc(MAX_LOGO_BYTES)]),
      { ok: false, code: "LOGO_TOO_LARGE" },
    ],
  ])("%s", async (_, bytes, want) => {
    expect(await logoFromUpload(bytes)).toMatchObject(want);
  });

  it("embeds the image in an SVG of its own size", async () => {
    const r = await logoFromUpload(PNG);
    expect(r.ok && r.svg).toBe(
      `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 1 1" width="1" height="1"><image href="data:image/png;base64,${PNG.toString("base64")}" width="1" height="1"/></svg>`,
    );
  });
});
