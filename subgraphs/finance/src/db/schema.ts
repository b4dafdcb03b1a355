import { integer, pgSchema, primaryKey, text } from "drizzle-orm/pg-core";

export const finance = pgSchema("finance");

/** A document a tenant issues for orders (счёт, ТОРГ-12, УПД …) and the statuses it is available at. */
export const documentTypes = finance.table(
  "document_types",
  {
    tenantId: text().notNull(),
    code: text().notNull(),
    label: text().notNull(),
    /** Download formats: pdf, xlsx, html. */
    formats: text().array().notNull(),
    /** Order status codes at which the dealer may get the document. */
    availableAt: text().array().notNull(),
    /** Display order, as the tenant definition lists the documents. */
    position: integer().notNull().default(0),
  },
  (t) => [primaryKey({ columns: [t.tenantId, t.code] })],
);
