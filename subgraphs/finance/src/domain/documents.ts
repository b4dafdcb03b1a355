/** Which documents an order has, from its tenant's document types. Pure: no I/O. */

export interface DocumentTypeRule {
  code: string;
  label: string;
  formats: string[];
  /** Order status codes at which the document is available. */
  availableAt: string[];
}

export interface AvailableDocument {
  type: { code: string; label: string; formats: string[] };
  formats: string[];
}

/** The documents available for an order at `statusCode`, in the tenant's order of types. */
export function documentsAt(types: readonly DocumentTypeRule[], statusCode: string): AvailableDocument[] {
  return types
    .filter((t) => t.availableAt.includes(statusCode))
    .map((t) => ({ type: { code: t.code, label: t.label, formats: t.formats }, formats: [...t.formats] }));
}
