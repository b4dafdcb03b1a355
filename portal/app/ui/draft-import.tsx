import { type FormEvent, useId, useState } from "react";
import { useRevalidator } from "react-router";
import type { ImportPreview, ImportRow } from "../graphql/order-import";
import { formatMoney, formatNumber } from "../lib/format";
import type { ImportAnswer } from "../routes/draft-import";
import "./draft-import.css";

const STATUS: Record<string, string> = {
  ADDED: "Добавляется",
  ROUNDED_TO_PACK: "Округлено до упаковки",
  SHORT_STOCK: "Только остаток",
  DISCONTINUED_PARTIAL: "Снят с производства",
  DUPLICATE_MERGED: "Повтор — объединено",
  UNKNOWN_ARTICLE: "Артикул не найден",
  DISCONTINUED: "Снят с производства",
  OUT_OF_STOCK: "Нет в наличии",
  BELOW_MINIMUM: "Меньше минимума",
  NOT_A_PACK_MULTIPLE: "Не кратно упаковке",
  CURRENCY_MISMATCH: "Другая валюта",
  MISSING_ARTICLE: "Нет артикула",
  BAD_QUANTITY: "Ошибка в количестве",
  MERGED_CELL: "Объединённая ячейка",
  FORMULA_WITHOUT_VALUE: "Формула без значения",
};

/** With more rows than this, the table lists only the rows with a remark, at most MAX_TABLE_ROWS. */
const FULL_TABLE_ROWS = 300;
const MAX_TABLE_ROWS = 1000;

type Phase = { kind: "idle" } | { kind: "upload"; percent: number } | { kind: "check" };

/** POSTs the form to the import route with upload progress (fetch has none) and reads its JSON answer. */
function send(url: string, body: FormData, onPhase: (p: Phase) => void): Promise<ImportAnswer> {
  return new Promise((resolve) => {
    const xhr = new XMLHttpRequest();
    xhr.open("POST", url);
    xhr.responseType = "json";
    xhr.upload.onprogress = (e) =>
      onPhase(
        e.lengthComputable ? { kind: "upload", percent: Math.round((e.loaded / e.total) * 100) } : { kind: "check" },
      );
    xhr.upload.onload = () => onPhase({ kind: "check" });
    xhr.onload = () =>
      resolve(
        xhr.response && typeof xhr.response === "object" && "kind" in xhr.response
          ? (xhr.response as ImportAnswer)
          : { kind: "error", message: "Не удалось проверить файл: обновите страницу и войдите снова." },
      );
    xhr.onerror = () => resolve({ kind: "error", message: "Нет связи с сервером. Попробуйте ещё раз." });
    xhr.send(body);
  });
}

/** The draft page's «Импорт из файла» / «Вставить из буфера»: choose, check (preview), confirm. */
export function DraftImport({ orderId }: { orderId: string }) {
  const ids = { file: useId(), paste: useId(), hint: useId(), progress: useId() };
  const [mode, setMode] = useState<"file" | "paste">("file");
  const [file, setFile] = useState<File | null>(null);
  /** Changed after a commit so the file field is emptied too. */
  const [fileField, setFileField] = useState(0);
  const [paste, setPaste] = useState("");
  const [phase, setPhase] = useState<Phase>({ kind: "idle" });
  const [preview, setPreview] = useState<ImportPreview | null>(null);
  const [notice, setNotice] = useState<{ ok: boolean; text: string } | null>(null);
  const revalidator = useRevalidator();
  const busy = phase.kind !== "idle";

  async function run(intent: "preview" | "commit") {
    const body = new FormData();
    body.set("intent", intent);
    if (mode === "file" && file) body.set("file", file);
    else body.set("paste", paste);
    setNotice(null);
    setPhase({ kind: "upload", percent: 0 });
    const answer = await send(`/drafts/${encodeURIComponent(orderId)}/import`, body, setPhase);
    setPhase({ kind: "idle" });
    if (answer.kind === "error") return setNotice({ ok: false, text: answer.message });
    if (answer.kind === "preview") return setPreview(answer.preview);
    setPreview(null);
    setFile(null);
    setFileField((n) => n + 1);
    setPaste("");
    setNotice({
      ok: true,
      text: `Добавлено в черновик: ${answer.positions} поз., ${formatNumber(answer.pieces)} шт. (строк: ${answer.addedRows}).`,
    });
    revalidator.revalidate();
  }

  const onCheck = (e: FormEvent) => {
    e.preventDefault();
    void run("preview");
  };
  const ready = mode === "file" ? file !== null : paste.trim() !== "";

  return (
    <section className="card import" aria-labelledby={`${ids.hint}-title`}>
      <h2 id={`${ids.hint}-title`}>Импорт позиций</h2>
      <form onSubmit={onCheck}>
        <fieldset className="import__mode">
          <legend className="visually-hidden">Откуда взять позиции</legend>
          {(
            [
              ["file", "Импорт из файла"],
              ["paste", "Вставить из буфера"],
            ] as const
          ).map(([value, label]) => (
            <label key={value} className="import__mode-option">
              <input
                type="radio"
                name="import-mode"
                value={value}
                checked={mode === value}
                onChange={() => {
                  setMode(value);
                  setPreview(null);
                }}
              />{" "}
              {label}
            </label>
          ))}
        </fieldset>
        <p id={ids.hint} className="muted">
          Колонка 1 — артикул (как в каталоге: регистр и ведущие нули важны), колонка 2 — количество. Строка заголовка и
          остальные колонки не мешают.{" "}
          <a href={`/drafts/${encodeURIComponent(orderId)}/import`}>Скачать образец (.xlsx)</a>
        </p>
        {mode === "file" ? (
          <div className="field">
            <label htmlFor={ids.file}>Файл Excel или CSV (.xlsx, .xls, .csv)</label>
            <input
              key={fileField}
              id={ids.file}
              type="file"
              accept=".xlsx,.xls,.csv,.txt,application/vnd.ms-excel,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet,text/csv"
              aria-describedby={ids.hint}
              onChange={(e) => {
                setFile(e.currentTarget.files?.[0] ?? null);
                setPreview(null);
              }}
            />
          </div>
        ) : (
          <div className="field">
            <label htmlFor={ids.paste}>Строки, скопированные из Excel или 1С</label>
            <textarea
              id={ids.paste}
              rows={6}
              value={paste}
              aria-describedby={ids.hint}
              placeholder={"Артикул\tКоличество\n0983\t10"}
              onChange={(e) => {
                setPaste(e.currentTarget.value);
                setPreview(null);
              }}
            />
          </div>
        )}
        <button type="submit" className="button" disabled={busy || !ready}>
          Проверить
        </button>
      </form>

      {busy ? (
        <div className="import__progress" role="status">
          <label htmlFor={ids.progress}>
            {phase.kind === "upload" ? `Загрузка: ${phase.percent} %` : "Проверяем строки по каталогу и остаткам…"}
          </label>
          <progress id={ids.progress} max={100} value={phase.kind === "upload" ? phase.percent : undefined} />
        </div>
      ) : null}
      {notice ? (
        <p className={`alert ${notice.ok ? "alert--success" : "alert--error"}`} role={notice.ok ? "status" : "alert"}>
          {notice.text}
        </p>
      ) : null}
      {preview ? (
        <PreviewTable
          preview={preview}
          busy={busy}
          onConfirm={() => void run("commit")}
          onCancel={() => setPreview(null)}
        />
      ) : null}
    </section>
  );
}

function PreviewTable(props: { preview: ImportPreview; busy: boolean; onConfirm(): void; onCancel(): void }) {
  const { summary, rows } = props.preview;
  const remarks = rows.length > FULL_TABLE_ROWS ? rows.filter((r) => r.status !== "ADDED") : rows;
  const shown = remarks.slice(0, MAX_TABLE_ROWS);
  const clean = rows.length - remarks.length;
  return (
    <div className="import__preview">
      <h3>Проверка: что будет добавлено</h3>
      <p role="status">
        Строк в файле: {formatNumber(summary.rows)}. Будет добавлено: {summary.positions} поз.,{" "}
        {formatNumber(summary.pieces)} шт. на {formatMoney(summary.amount)}.{" "}
        {summary.problemRows > 0 ? <strong>Строк с ошибками (не добавятся): {summary.problemRows}.</strong> : null}
      </p>
      <div className="table-wrap import__table">
        <table className="table">
          <caption className="visually-hidden">Отчёт по строкам импорта</caption>
          <thead>
            <tr>
              <th scope="col" className="num">
                Строка
              </th>
              <th scope="col">Артикул</th>
              <th scope="col">Наименование</th>
              <th scope="col" className="num">
                Запрошено
              </th>
              <th scope="col" className="num">
                Добавится
              </th>
              <th scope="col">Результат</th>
            </tr>
          </thead>
          <tbody>
            {shown.map((r) => (
              <Row key={r.line} row={r} />
            ))}
          </tbody>
        </table>
      </div>
      {clean > 0 ? <p className="muted">Ещё {formatNumber(clean)} строк добавляются без замечаний.</p> : null}
      {remarks.length > shown.length ? (
        <p className="muted">
          Показаны первые {formatNumber(shown.length)} строк с замечаниями из {formatNumber(remarks.length)}.
        </p>
      ) : null}
      <div className="import__actions">
        <button
          type="button"
          className="button button--primary"
          disabled={props.busy || summary.positions === 0}
          onClick={props.onConfirm}
        >
          Добавить в черновик
        </button>
        <button type="button" className="button" disabled={props.busy} onClick={props.onCancel}>
          Отменить
        </button>
      </div>
    </div>
  );
}

function Row({ row }: { row: ImportRow }) {
  const tone = row.status === "ADDED" ? "ok" : row.added || row.status === "DUPLICATE_MERGED" ? "warn" : "error";
  return (
    <tr className={`import__row import__row--${tone}`}>
      <td className="num">{row.line}</td>
      <td className="mono">{row.article || "—"}</td>
      <td>{row.name ?? "—"}</td>
      <td className="num">{row.requested ?? "—"}</td>
      <td className="num">{row.quantity > 0 ? row.quantity : "—"}</td>
      <td>
        <span className="import__status">{STATUS[row.status] ?? row.status}</span> {row.message}
      </td>
    </tr>
  );
}
