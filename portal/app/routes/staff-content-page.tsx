import { data, Form, Link, redirect, useNavigation } from "react-router";
import { ViewerQuery } from "../graphql/auth";
import {
  DeleteInfoPageMutation,
  InfoPageQuery,
  InfoPagesQuery,
  PreviewMarkdownQuery,
  SaveInfoPageMutation,
} from "../graphql/content";
import { commitSession, withAuth } from "../lib/auth.server";
import { mutate, query } from "../lib/gateway.server";
import { isStaff } from "../ui/account-nav";
import { Field, FormMessage } from "../ui/field";
import type { Route } from "./+types/staff-content-page";
import "../ui/content.css";

export const meta: Route.MetaFunction = () => [{ title: "Страница — Полезная информация" }];

type FieldName = "slug" | "title" | "markdown" | "position";
interface EditorState {
  error?: string;
  fields?: Partial<Record<FieldName, string>>;
  values?: Record<string, string>;
  preview?: string;
}

/** `/staff/content/new` creates a page; `/staff/content/:id` edits, previews or deletes one. */
export async function loader({ request, context, params }: Route.LoaderArgs) {
  return withAuth(request, context, async ({ client }) => {
    const { viewer } = await query(client, ViewerQuery, {});
    if (!viewer || !isStaff(viewer)) throw new Response("Только для сотрудников поставщика", { status: 403 });
    if (params.id === "new") return { page: null };
    const listed = (await query(client, InfoPagesQuery, {})).infoPages.find((p) => p.id === params.id);
    const page = listed ? (await query(client, InfoPageQuery, { slug: listed.slug })).infoPage : null;
    if (!page) throw new Response("Страница не найдена", { status: 404 });
    return { page };
  });
}

export async function action({ request, context, params }: Route.ActionArgs) {
  return withAuth(request, context, async ({ client, session }) => {
    const form = await request.formData();
    const id = params.id === "new" ? null : params.id;
    const done = async (notice: string) => {
      session.flash("notice", notice);
      throw redirect("/staff/content", { headers: { "Set-Cookie": await commitSession(session, context) } });
    };
    if (form.get("intent") === "delete" && id) {
      const gone = (await mutate(client, DeleteInfoPageMutation, { id })).deleteInfoPage;
      return gone ? done("Страница удалена") : data<EditorState>({ error: "Страница не найдена" });
    }
    const text = (k: string) => String(form.get(k) ?? "");
    const values = {
      slug: text("slug").trim(),
      title: text("title").trim(),
      markdown: text("markdown"),
      position: text("position").trim(),
      published: form.get("published") === "on" ? "on" : "",
    };
    if (form.get("intent") === "preview") {
      const { previewMarkdown } = await query(client, PreviewMarkdownQuery, { markdown: values.markdown });
      return data<EditorState>({ values, preview: previewMarkdown });
    }
    const position = Number(values.position || "0");
    if (!Number.isInteger(position)) return data<EditorState>({ values, fields: { position: "Порядок: целое число" } });
    const r = (
      await mutate(client, SaveInfoPageMutation, {
        id,
        input: { ...values, position, published: values.published === "on" },
      })
    ).saveInfoPage;
    if (r.__typename === "InfoPage") return done(`Страница «${r.title}» сохранена`);
    if (r.__typename === "InfoPageInvalidError") {
      const fields: EditorState["fields"] = {};
      for (const f of r.fields) fields[f.field as FieldName] = f.message;
      return data<EditorState>({ fields, values });
    }
    return data<EditorState>({ error: r.message, values });
  });
}

export default function StaffContentPage({ loaderData, actionData }: Route.ComponentProps) {
  const { page } = loaderData;
  const busy = useNavigation().state !== "idle";
  const s: EditorState = actionData ?? {};
  const f = s.fields ?? {};
  const v = s.values ?? {
    slug: page?.slug ?? "",
    title: page?.title ?? "",
    markdown: page?.markdown ?? "",
    position: String(page?.position ?? 0),
    published: page?.published ? "on" : "",
  };
  const preview = s.preview ?? page?.html ?? null;
  return (
    <>
      <nav className="breadcrumbs" aria-label="Навигация">
        <Link to="/staff/content">Полезная информация</Link>
      </nav>
      <h1>{page ? page.title : "Новая страница"}</h1>
      {s.error ? <FormMessage error={s.error} /> : null}
      <div className="content-editor">
        <Form method="post" className="card" noValidate>
          <Field name="title" label="Заголовок" defaultValue={v.title} error={f.title} maxLength={200} />
          <Field
            name="slug"
            label="Адрес страницы"
            defaultValue={v.slug}
            error={f.slug}
            hint="Латинские буквы, цифры и дефисы: /info/адрес"
          />
          <Field name="position" label="Порядок" type="number" min={0} defaultValue={v.position} error={f.position} />
          <div className={`field${f.markdown ? " field--invalid" : ""}`}>
            <label htmlFor="markdown">Текст (Markdown)</label>
            <textarea
              id="markdown"
              name="markdown"
              rows={16}
              defaultValue={v.markdown}
              aria-invalid={f.markdown ? true : undefined}
              aria-describedby={f.markdown ? "markdown-error" : undefined}
            />
            {f.markdown ? (
              <span id="markdown-error" className="field__error">
                {f.markdown}
              </span>
            ) : null}
          </div>
          <div className="field field--check">
            <label>
              <input type="checkbox" name="published" defaultChecked={v.published === "on"} /> Опубликована — видна
              дилерам
            </label>
          </div>
          <p>
            <button type="submit" name="intent" value="save" className="button button--primary" disabled={busy}>
              Сохранить
            </button>{" "}
            <button type="submit" name="intent" value="preview" className="button" disabled={busy}>
              Предпросмотр
            </button>{" "}
            {page ? (
              <button type="submit" name="intent" value="delete" className="button button--danger" disabled={busy}>
                Удалить
              </button>
            ) : null}
          </p>
        </Form>
        <section aria-labelledby="preview-title">
          <h2 id="preview-title">Предпросмотр</h2>
          <div className="content-preview prose">
            {preview ? (
              // biome-ignore lint/security/noDangerouslySetInnerHtml: sanitized by the catalog subgraph (sanitize-html allow-list), as dealers see it
              <div dangerouslySetInnerHTML={{ __html: preview }} />
            ) : (
              <p>Нажмите «Предпросмотр», чтобы увидеть страницу так, как её увидят дилеры.</p>
            )}
          </div>
        </section>
      </div>
    </>
  );
}
