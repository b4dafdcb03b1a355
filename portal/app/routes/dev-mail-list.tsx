import { Link } from "react-router";
import { formatDateTime } from "../lib/format";
import type { Route } from "./+types/dev-mail-list";

export async function loader({ context }: Route.LoaderArgs) {
  if (!context.devMailbox) throw new Response("Не найдено", { status: 404 });
  return { messages: await context.devMailbox.list() };
}

export default function DevMailList({ loaderData }: Route.ComponentProps) {
  const { messages } = loaderData;
  return (
    <>
      <h1>Письма</h1>
      <p className="muted">Письма, которые платформа отправила бы по SMTP. Видно только в режиме разработки.</p>
      {messages.length === 0 ? (
        <p>Писем пока нет.</p>
      ) : (
        <div className="table-wrap">
          <table className="table">
            <thead>
              <tr>
                <th scope="col">Когда</th>
                <th scope="col">Кому</th>
                <th scope="col">От кого</th>
                <th scope="col">Тема</th>
              </tr>
            </thead>
            <tbody>
              {messages.map((m) => (
                <tr key={m.id}>
                  <td>{formatDateTime(m.createdAt)}</td>
                  <td>{m.toAddress}</td>
                  <td>{m.fromAddress}</td>
                  <td>
                    <Link to={`/dev/mail/${encodeURIComponent(m.id)}`}>{m.subject || "(без темы)"}</Link>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </>
  );
}
