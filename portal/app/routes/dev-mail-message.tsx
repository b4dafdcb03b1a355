import { data, Link } from "react-router";
import { formatDateTime } from "../lib/format";
import type { Route } from "./+types/dev-mail-message";

export async function loader({ context, params }: Route.LoaderArgs) {
  if (!context.devMailbox) throw new Response("Не найдено", { status: 404 });
  const message = await context.devMailbox.get(params.id);
  if (!message) throw data("Письмо не найдено", { status: 404 });
  return { message };
}

export default function DevMailMessage({ loaderData }: Route.ComponentProps) {
  const { message: m } = loaderData;
  return (
    <>
      <p className="breadcrumbs">
        <Link to="/dev/mail">← Все письма</Link>
      </p>
      <h1>{m.subject || "(без темы)"}</h1>
      <dl className="mail-meta">
        <div>
          <dt>Кому</dt>
          <dd>{m.toAddress}</dd>
        </div>
        <div>
          <dt>От кого</dt>
          <dd>{m.fromAddress}</dd>
        </div>
        <div>
          <dt>Когда</dt>
          <dd>{formatDateTime(m.createdAt)}</dd>
        </div>
      </dl>
      {m.htmlBody ? (
        <section aria-labelledby="mail-html">
          <h2 id="mail-html">HTML-версия</h2>
          {/* no allow-scripts: the letter cannot run code; links may open in a new tab */}
          <iframe
            className="mail-html"
            title="HTML-версия письма"
            sandbox="allow-popups allow-popups-to-escape-sandbox"
            srcDoc={m.htmlBody}
          />
        </section>
      ) : null}
      {m.textBody ? (
        <section aria-labelledby="mail-text">
          <h2 id="mail-text">Текстовая версия</h2>
          <pre className="mail-text">{m.textBody}</pre>
        </section>
      ) : null}
    </>
  );
}
