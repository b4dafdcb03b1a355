import { Link } from "react-router";
import { formatDateTime } from "../lib/format";
import type { Route } from "./+types/dev-mail-list";

export async function loader({ context }: Route.LoaderArgs) {
  if (!context.devMailbox) throw new Response("Не найдено", { status: 404 });
  const [messages, sms] = await Promise.all([context.devMailbox.list(), context.devMailbox.sms()]);
  return { messages, sms };
}

export default function DevMailList({ loaderData }: Route.ComponentProps) {
  const { messages, sms } = loaderData;
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
      <h2 id="sms">SMS</h2>
      <p className="muted">
        SMS, которые воркер отправил по SMPP на локальный SMSC разработчика (без SMS_SMPP_URL). На телефоны они не
        уходят.
      </p>
      {sms.length === 0 ? (
        <p>SMS пока нет.</p>
      ) : (
        <div className="table-wrap">
          <table className="table" aria-labelledby="sms">
            <thead>
              <tr>
                <th scope="col">Когда</th>
                <th scope="col">Кому</th>
                <th scope="col">Отправитель</th>
                <th scope="col">Текст</th>
              </tr>
            </thead>
            <tbody>
              {sms.map((m) => (
                <tr key={m.id}>
                  <td>{formatDateTime(m.createdAt)}</td>
                  <td>+{m.to}</td>
                  <td>{m.from}</td>
                  <td>{m.text}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </>
  );
}
