import { data, Form, useNavigation } from "react-router";
import {
  DeleteDistributorStockMutation,
  DistributorNetworkQuery,
  DistributorWarehousesQuery,
  ImportDistributorWarehousesMutation,
  type RowReport,
  SaveDistributorWarehousesMutation,
  UploadDistributorStockMutation,
} from "../graphql/inventory";
import { forbiddenAs403 } from "../lib/account.server";
import { withAuth } from "../lib/auth.server";
import { formatNumber } from "../lib/format";
import { mutate, query } from "../lib/gateway.server";
import type { Route } from "./+types/distributor";
import "./distributor.css";

export const meta: Route.MetaFunction = () => [{ title: "Склады и остатки дистрибьютора — Кабинет дилера" }];

type Result =
  | { kind: "error"; message: string }
  | { kind: "report"; what: string; report: RowReport; done: string }
  | { kind: "done"; message: string };

export async function loader({ request, context }: Route.LoaderArgs) {
  return withAuth(request, context, async ({ client }) => {
    // Only suppliers that work with a distributor network (tenant feature) have these pages.
    const { viewer } = await query(client, DistributorNetworkQuery, {});
    if (!viewer?.tenant.distributorNetwork) throw data("Страница не найдена", { status: 404 });
    const r = await forbiddenAs403(query(client, DistributorWarehousesQuery, {}));
    return { warehouses: r.distributorWarehouses };
  });
}

async function fileOf(form: FormData) {
  const file = form.get("file");
  if (!(file instanceof File) || file.size === 0) return null;
  return { fileName: file.name, contentBase64: Buffer.from(await file.arrayBuffer()).toString("base64") };
}

/** The gateway's message without its technical prefix (bad files are refused with a readable one). */
const readable = (error: unknown) =>
  error instanceof Error ? error.message.replace(/^gateway: \w+ failed: (\[GraphQL\] )?/, "") : String(error);

export async function action({ request, context }: Route.ActionArgs): Promise<Result> {
  return withAuth(request, context, async ({ client }) => {
    const form = await request.formData();
    const intent = form.get("intent");
    try {
      if (intent === "save-warehouse") {
        const row = {
          code: String(form.get("code") ?? ""),
          name: String(form.get("name") ?? ""),
          address: String(form.get("address") ?? ""),
          contacts: String(form.get("contacts") ?? ""),
        };
        const r = (await mutate(client, SaveDistributorWarehousesMutation, { rows: [row] })).saveDistributorWarehouses;
        return { kind: "report", what: "Склад", report: r, done: `Склад ${row.code} сохранён.` };
      }
      if (intent === "delete-stock") {
        if (form.get("confirm") !== "on") return { kind: "error", message: "Отметьте «Да, удалить все остатки»." };
        const n = (await mutate(client, DeleteDistributorStockMutation, {})).deleteDistributorStock;
        return { kind: "done", message: `Удалено строк остатков: ${formatNumber(n)}.` };
      }
      const file = await fileOf(form);
      if (!file) return { kind: "error", message: "Выберите файл .xlsx или .csv." };
      if (intent === "import-warehouses") {
        const r = (await mutate(client, ImportDistributorWarehousesMutation, { file })).importDistributorWarehouses;
        return { kind: "report", what: "Склады", report: r, done: `Сохранено складов: ${formatNumber(r.saved)}.` };
      }
      const r = (await mutate(client, UploadDistributorStockMutation, { file })).uploadDistributorStock;
      return {
        kind: "report",
        what: "Остатки",
        report: r,
        done: `Остатки заменены, строк: ${formatNumber(r.changed)}.`,
      };
    } catch (error) {
      return { kind: "error", message: readable(error) };
    }
  });
}

export default function Distributor({ loaderData, actionData }: Route.ComponentProps) {
  const { warehouses } = loaderData;
  const busy = useNavigation().state !== "idle";
  return (
    <>
      <h1>Склады и остатки дистрибьютора</h1>
      <p>
        Ваши остатки товаров поставщика видят дилеры в карточке товара в блоке «У дистрибьюторов». Каждая загрузка
        заменяет все прежние остатки; если в файле есть ошибки, ничего не меняется.
      </p>
      <Outcome result={actionData} />
      <section aria-labelledby="wh-h">
        <h2 id="wh-h">Склады</h2>
        {warehouses.length === 0 ? (
          <p>Складов пока нет: добавьте их вручную или загрузите из Excel.</p>
        ) : (
          <div className="table-wrap">
            <table className="table">
              <caption className="visually-hidden">Склады дистрибьютора</caption>
              <thead>
                <tr>
                  <th scope="col">Код</th>
                  <th scope="col">Название</th>
                  <th scope="col">Адрес</th>
                  <th scope="col">Контакты</th>
                </tr>
              </thead>
              <tbody>
                {warehouses.map((w) => (
                  <tr key={w.id}>
                    <td className="mono">{w.code}</td>
                    <td>{w.name}</td>
                    <td>{w.address}</td>
                    <td>{w.contacts}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
        <h3>Добавить или изменить склад</h3>
        <Form method="post" className="dist-form">
          <input type="hidden" name="intent" value="save-warehouse" />
          <label>
            Код склада
            <input name="code" required />
          </label>
          <label>
            Название
            <input name="name" required />
          </label>
          <label>
            Адрес
            <input name="address" />
          </label>
          <label>
            Контакты
            <input name="contacts" />
          </label>
          <button type="submit" className="button button--primary" disabled={busy}>
            Сохранить склад
          </button>
        </Form>
        <h3>Склады из Excel</h3>
        <Form method="post" encType="multipart/form-data" className="dist-form">
          <input type="hidden" name="intent" value="import-warehouses" />
          <label>
            Файл .xlsx или .csv: код, название, адрес, контакты
            <input type="file" name="file" accept=".xlsx,.csv" required />
          </label>
          <button type="submit" className="button" disabled={busy}>
            Загрузить склады
          </button>
        </Form>
      </section>
      <section aria-labelledby="stock-h">
        <h2 id="stock-h">Остатки</h2>
        <Form method="post" encType="multipart/form-data" className="dist-form">
          <input type="hidden" name="intent" value="upload-stock" />
          <label>
            Файл .xlsx или .csv: код склада, артикул, количество, ссылка (необязательно)
            <input type="file" name="file" accept=".xlsx,.csv" required />
          </label>
          <button type="submit" className="button button--primary" disabled={busy}>
            Загрузить остатки
          </button>
        </Form>
        <p>
          <a href="/distributor/stock.xlsx" download>
            Выгрузить остатки в Excel
          </a>
        </p>
        <Form method="post" className="dist-form">
          <input type="hidden" name="intent" value="delete-stock" />
          <label className="checkbox">
            <input type="checkbox" name="confirm" /> Да, удалить все остатки
          </label>
          <button type="submit" className="button" disabled={busy}>
            Удалить все остатки
          </button>
        </Form>
      </section>
    </>
  );
}

function Outcome({ result }: { result: Result | undefined }) {
  if (!result) return null;
  if (result.kind === "error" || result.kind === "done") {
    return <p role={result.kind === "error" ? "alert" : "status"}>{result.message}</p>;
  }
  const { report } = result;
  if (report.applied) return <p role="status">{result.done}</p>;
  return (
    <div role="alert">
      <p>
        {result.what}: файл не принят, ничего не изменено. Ошибок: {formatNumber(report.errors.length)}.
      </p>
      <div className="table-wrap">
        <table className="table">
          <caption>Ошибки по строкам</caption>
          <thead>
            <tr>
              <th scope="col" className="num">
                Строка
              </th>
              <th scope="col">Ошибка</th>
            </tr>
          </thead>
          <tbody>
            {report.errors.map((e) => (
              <tr key={`${e.row}-${e.message}`}>
                <td className="num">{e.row}</td>
                <td>{e.message}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </div>
  );
}
