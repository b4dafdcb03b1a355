import { afterEach, beforeEach, vi } from "vitest";

/** A test fails on an unexpected console.error: errors nobody asserted on are bugs. */
let errors: unknown[][] = [];
let spy: ReturnType<typeof vi.spyOn> | undefined;

beforeEach(() => {
  errors = [];
  spy = vi.spyOn(console, "error").mockImplementation((...args: unknown[]) => {
    errors.push(args);
  });
});

afterEach(() => {
  spy?.mockRestore();
  if (errors.length > 0) {
    const first = errors[0]?.map((a) => (a instanceof Error ? a.stack : String(a))).join(" ");
    throw new Error(`unexpected console.error (${errors.length}x): ${first}`);
  }
});

/** For a test that expects an error to be logged: returns the calls and clears them. */
export function takeConsoleErrors(): unknown[][] {
  const taken = errors;
  errors = [];
  return taken;
}
