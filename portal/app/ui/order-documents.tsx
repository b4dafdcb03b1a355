import { useEffect } from "react";
import { useFetcher } from "react-router";
import type { OrderDocument } from "../graphql/finance";
import { documentHref, FORMAT_LABEL } from "../lib/finance";

/**
 * The order's documents (счёт, ТОРГ-12, УПД …) available at its status, with download links per
 * format. Loads its own data (fresh 10-minute links) so any order page can mount it.
 */
export function OrderDocuments({ orderId }: { orderId: string }) {
  const fetcher = useFetcher<{ documents: OrderDocument[] }>();
  const { load } = fetcher;
  useEffect(() => {
    load(`/orders/${encodeURIComponent(orderId)}/documents`);
  }, [load, orderId]);
  const documents = fetcher.data?.documents;
  return (
    <section className="card order-documents" aria-labelledby="order-documents-title">
      <h2 id="order-documents-title">Документы</h2>
      {documents === undefined ? (
        <p className="muted" aria-busy="true">
          Загружаем документы…
        </p>
      ) : documents.length === 0 ? (
        <p className="muted">На этом этапе документов по заказу нет.</p>
      ) : (
        <ul className="order-documents__list">
          {documents.map((d) => (
            <li key={d.type.code}>
              <span className="order-documents__label">{d.type.label}</span>
              <span className="doc-links">
                {d.links.map((l) => (
                  <a
                    key={l.format}
                    href={documentHref(l.token)}
                    download
                    aria-label={`${d.type.label}: скачать ${FORMAT_LABEL[l.format] ?? l.format}`}
                  >
                    {FORMAT_LABEL[l.format] ?? l.format}
                  </a>
                ))}
              </span>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
