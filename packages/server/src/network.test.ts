import { describe, expect, it } from "vitest";
import { isPrivateAddress, webhookUrlProblem } from "./network.ts";

describe("isPrivateAddress", () => {
  it.each([
    ["127.0.0.1", true],
    ["10.1.2.3", true],
    ["172.20.0.1", true],
    ["192.168.1.1", true],
    ["169.254.169.254", true],
    ["100.64.0.1", true],
    ["0.0.0.0", true],
    ["::1", true],
    ["[::1]", true],
    ["fd00::1", true],
    ["fe80::1", true],
    ["::ffff:127.0.0.1", true],
    ["::ffff:8.8.8.8", false],
    ["8.8.8.8", false],
    ["93.184.216.34", false],
    ["2606:4700:4700::1111", false],
    ["example.com", false],
  ])("%s → %s", (ip, expected) => {
    expect(isPrivateAddress(ip)).toBe(expected);
  });
});

describe("webhookUrlProblem", () => {
  it.each([
    ["https://erp.example.com/hooks", false, null],
    ["http://erp.example.com/hooks", false, null],
    ["ftp://erp.example.com/hooks", false, "scheme"],
    ["file:///etc/passwd", true, "scheme"],
    ["javascript:alert(1)", true, "scheme"],
    ["not a url", true, "invalid"],
    ["https://user:pw@erp.example.com/", true, "credentials"],
    ["http://localhost:8080/", false, "private"],
    ["http://api.localhost/", false, "private"],
    ["http://127.0.0.1:8080/", false, "private"],
    ["http://[::1]/", false, "private"],
    ["http://169.254.169.254/latest/meta-data", false, "private"],
    ["http://10.0.0.5/", false, "private"],
    ["http://127.0.0.1:8080/", true, null],
  ] as const)("%s (allow private %s) → %s", (url, allowPrivate, expected) => {
    expect(webhookUrlProblem(url, allowPrivate)).toBe(expected);
  });
});
