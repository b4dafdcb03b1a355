import { Form, useNavigation } from "react-router";
import { ViewerQuery } from "../graphql/auth";
import { ImportProductsMutation } from "../graphql/catalog";
import { forbiddenAs403 } from "../lib/account.server";
import { withAuth } from "../lib/auth.server";
import { IMPORT_HEADERS, parseCatalogTable } from "../lib/catalog-import";
import { readCatalogFile } from "../lib/catalog-import.server";
import { formatNumber } from "../lib/format";
import { mutate, query } from "../lib/gateway.server";
import { isStaff } from "../ui/account-nav";
import type { Route } from "./+types/staff-catalog-import";
import "./catalog.css";

export const meta: Route.MetaFunction = () => [{ title: "Импорт каталога — Кабинет поставщика" }];

type Status = "CREATED" | "UPDATED" | "UNCHANGED" | "REJECTED" | "SKIPPED";
interface Line {
  line: number;
  article: string;
  status: Status;
  errors: string[];
}
type Result =
  | { kind: "error"; message: string }
  | { kind: "report"; fileName: string; saved: boolean; counts: Record<Status, number>; lines: Line[] };

const STATUS: Record<Status, string> = {
  CREATED: "создан",
  UPDATED: "обновлён",
  UNCHANGED: "без изменений",
  REJECTED: "ошибка",
  SKIPPED: "не сохранён",
};
const SHOWN = 1000;

export async function loader({ request, context }: Route.LoaderArgs) {
  return withAuth(request, context, async ({ client }) => {
    const { viewer } = await query(client, ViewerQuery, {});
    if (!viewer || !isStaff(viewer)) throw new Response("Только для сотрудников поставщика", { status: 403 });
    return null;
  });
}

/** Reads the file, names unreadable cells per line, and sends the rest through importProducts. */
export async function action({ request, context }: Route.ActionArgs): Promise<Result> {
  return withAuth(request, context, async ({ client }) => {
    const form = await request.formData();
    const file = form.get("file");
    const partial = form.get("partial") === "on";
    if (!(file instanceof File) || file.size === 0) return { kind: "error", message: "Выберите файл XLSX или CSV." };
    const table = await readCatalogFile(file.name, Buffer.from(await file.arrayBuffer())).catch(() => undefined);
    if (table === null) return { kind: "error", message: "Нужен файл .xlsx или .csv." };
    if (table === undefined) return { kind: "error", message: "Файл не читается как таблица XLSX или CSV." };
    const parsed = parseCatalogTable(table);
    if (!parsed.ok) return { kind: "error", message: parsed.message };
    const bad = parsed.lines.filter((l) => l.row === null);
    const good = parsed.lines.filter((l) => l.row !== null);
    const lines: Line[] = bad.map((l) => ({ line: l.line, article: l.article, status: "REJECTED", errors: l.errors }));
    let saved = false;
    if (bad.length > 0 && !partial) {
      for (const l of good) lines.push({ line: l.line, article: l.article, status: "SKIPPED", errors: [] });
    } else if (good.length > 0) {
      const { importProducts: r } = await forbiddenAs403(
        mutate(client, ImportProductsMutation, { input: { rows: good.map((l) => l.row), partial } }),
      );
      saved = r.saved;
      for (const x of r.rows) {
        const src = good[x.row - 1];
        if (src) lines.push({ line: src.line, article: x.article, status: x.status, errors: x.errors });
      }
    }
    lines.sort((a, b) => a.line - b.line);
    const counts = { CREATED: 0, UPDATED: 0, UNCHANGED: 0, REJECTED: 0, SKIPPED: 0 };
    for (const l of lines) counts[l.status]++;
    return { kind: "report", fileName: file.name, saved, counts, lines };
  });
}

export default function StaffCatalogImport({ actionData }: Route.ComponentProps) {
  const busy = useNavigation().state === "submitting";
  const r = actionData;
  const shown = r?.kind === "report" && r.lines.length > SHOWN ? r.lines.filter((l) => l.status === "REJECTED") : null;
  return (
    <>
      <h1>Импорт каталога</h1>
      <p>
        Файл XLSX (первый лист) или CSV (через «;» или «,»), первая строка — заголовки. Обязательные колонки: «Артикул»,
        «Наименование», «Цена» (в рублях). Можно добавить: {IMPORT_HEADERS.slice(3).join(", ")}. Товары ищутся по
        артикулу: новые создаются, изменённые обновляются.
      </p>
      <Form method="post" encType="multipart/form-data" className="import-form">
        <p>
          <label htmlFor="catalog-file">Файл каталога (XLSX или CSV)</label>
          <br />
          <input id="catalog-file" name="file" type="file" accept=".xlsx,.csv" required />
        </p>
        <p>
          <input id="catalog-partial" name="partial" type="checkbox" />{" "}
          <label htmlFor="catalog-partial">Сохранить правильные строки, даже если в других есть ошибки</label>
        </p>
        <button type="submit" className="button button--primary" disabled={busy}>
          {busy ? "Загрузка…" : "Загрузить"}
        </button>
      </Form>
      {r?.kind === "error" ? (
        <p className="alert alert--error" role="alert">
          {r.message}
        </p>
      ) : null}
      {r?.kind === "report" ? (
        <section aria-label="Результат импорта">
          <p className={r.saved ? "alert alert--success" : "alert alert--error"} role="status">
            {r.fileName}:{" "}
            {r.saved
              ? `сохранено. Создано ${formatNumber(r.counts.CREATED)}, обновлено ${formatNumber(r.counts.UPDATED)}, без изменений ${formatNumber(r.counts.UNCHANGED)}, с ошибками ${formatNumber(r.counts.REJECTED)}.`
              : `ничего не сохранено. Строк с ошибками: ${formatNumber(r.counts.REJECTED)}.`}
          </p>
          {shown ? <p>Показаны только строки с ошибками ({formatNumber(shown.length)}).</p> : null}
          <div className="table-wrap">
            <table className="table">
              <caption className="visually-hidden">Результат по строкам файла</caption>
              <thead>
                <tr>
                  <th scope="col" className="num">
                    Строка
                  </th>
                  <th scope="col">Артикул</th>
                  <th scope="col">Результат</th>
                  <th scope="col">Ошибки</th>
                </tr>
              </thead>
              <tbody>
                {(shown ?? r.lines).map((l) => (
                  <tr key={l.line} className={l.status === "REJECTED" ? "import-row--rejected" : undefined}>
                    <td className="num">{l.line}</td>
                    <td>{l.article}</td>
                    <td>{STATUS[l.status]}</td>
                    <td>{l.errors.join("; ")}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </section>
      ) : null}
    </>
  );
}
