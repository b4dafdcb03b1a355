import { describe, expect, it } from "vitest";
import { checkImage, MAX_IMAGE_BYTES } from "./image.ts";

// A real 1×1 PNG and a real 1×1 JPEG.
const PNG = Buffer.from(
  "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==",
  "base64",
);
const JPEG = Buffer.from(
  "/9j/4AAQSkZJRgABAQEASABIAAD/2wBDAP//////////////////////////////////////////////////////////////////////////////////////wgALCAABAAEBAREA/8QAFBABAAAAAAAAAAAAAAAAAAAAAP/aAAgBAQABPxA=",
  "base64",
);
const SVG = Buffer.from(
  '<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10"><script>alert(1)</script></svg>',
);

describe("checkImage", () => {
  it.each([
    ["PNG", PNG, { ok: true, contentType: "image/png", width: 1, height: 1 }],
    ["JPEG", JPEG, { ok: true, contentType: "image/jpeg", width: 1, height: 1 }],
  ])("accepts a %s by its content", async (_, bytes, want) => {
    expect(await checkImage(bytes)).toEqual(want);
  });

  it.each([
    ["an empty file", Buffer.alloc(0), "EMPTY_FILE"],
    ["an SVG (it may carry script)", SVG, "NOT_AN_IMAGE"],
    ["a text file named .png", Buffer.from("not an image at all"), "NOT_AN_IMAGE"],
    ["a PDF", Buffer.from("%PDF-1.4\n%âãÏÓ\n1 0 obj\n<<>>\nendobj\n"), "NOT_AN_IMAGE"],
    ["a PNG header without an image", PNG.subarray(0, 12), "NOT_AN_IMAGE"],
    ["a file over 1 MB", Buffer.concat([PNG, Buffer.alloc(MAX_IMAGE_BYTES)]), "IMAGE_TOO_LARGE"],
  ])("refuses %s", async (_, bytes, code) => {
    expect(await checkImage(bytes)).toMatchObject({ ok: false, code });
  });
});
