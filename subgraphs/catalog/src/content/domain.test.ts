import { describe, expect, it } from "vitest";
import { bannerActive, checkBanner, checkInfoPage, renderMarkdown } from "./domain.ts";

const page = { slug: "dostavka", title: "Доставка", markdown: "Текст", position: 1, published: true };

describe("checkInfoPage", () => {
  it.each([
    [{}, []],
    [{ slug: "Доставка" }, ["slug"]],
    [{ slug: "a--b" }, ["slug"]],
    [{ slug: "" }, ["slug"]],
    [{ title: "  " }, ["title"]],
    [{ markdown: "" }, ["markdown"]],
    [{ markdown: "x".repeat(100_001) }, ["markdown"]],
    [{ position: -1 }, ["position"]],
    [{ position: 1.5 }, ["position"]],
  ])("%j → errors in %j", (change, fields) => {
    const r = checkInfoPage({ ...page, ...change });
    expect(r.ok ? [] : r.errors.map((e) => e.field)).toEqual(fields);
  });

  it("trims the slug and the title", () => {
    expect(checkInfoPage({ ...page, slug: " dostavka ", title: " Доставка " })).toMatchObject({
      ok: true,
      value: { slug: "dostavka", title: "Доставка" },
    });
  });
});

describe("renderMarkdown", () => {
  it.each([
    ["# Заголовок", "<h1>Заголовок</h1>"],
    ["**жирный** и *курсив*", "<p><strong>жирный</strong> и <em>курсив</em></p>"],
    ["- один\n- два", "<ul>\n<li>один</li>\n<li>два</li>\n</ul>"],
    ["[сайт](https://example.ru)", '<p><a href="https://example.ru" rel="noopener noreferrer">сайт</a></p>'],
    ["<script>alert(1)</script>после", "после"],
    ['<img src="https://x.ru/a.png" onerror="alert(1)">', '<img src="https://x.ru/a.png" />'],
    ["[ссылка](javascript:alert(1))", '<p><a rel="noopener noreferrer">ссылка</a></p>'],
    ['<a href="#" onclick="alert(1)">x</a>', '<p><a href="#" rel="noopener noreferrer">x</a></p>'],
    ['<iframe src="https://evil.ru"></iframe>', ""],
    ['<p style="color:red">цвет</p>', "<p>цвет</p>"],
  ])("%s", (source, html) => {
    expect(renderMarkdown(source).trim()).toBe(html);
  });
});

const at = (iso: string) => new Date(iso);

describe("bannerActive", () => {
  const now = at("2026-11-23T12:00:00Z");
  it.each([
    [null, null, true],
    ["2026-11-23T11:00:00Z", null, true],
    ["2026-11-23T12:00:00Z", null, true],
    ["2026-11-23T13:00:00Z", null, false],
    [null, "2026-11-23T12:00:00Z", false],
    [null, "2026-11-23T12:00:01Z", true],
    ["2026-11-20T00:00:00Z", "2026-11-21T00:00:00Z", false],
  ])("from %s until %s → %s", (from, until, active) => {
    expect(bannerActive({ activeFrom: from ? at(from) : null, activeUntil: until ? at(until) : null }, now)).toBe(
      active,
    );
  });
});

describe("checkBanner", () => {
  it.each([
    [{ text: "Работы" }, []],
    [{ text: " " }, ["text"]],
    [{ text: "x".repeat(501) }, ["text"]],
    [{ text: "x", activeFrom: at("2026-11-24T00:00:00Z"), activeUntil: at("2026-11-23T00:00:00Z") }, ["activeUntil"]],
  ])("%j → %j", (change, fields) => {
    const r = checkBanner({ level: "warning", activeFrom: null, activeUntil: null, ...change });
    expect(r.ok ? [] : r.errors.map((e) => e.field)).toEqual(fields);
  });
});
