import type { Right } from "../graphql/identity";

/**
 * Checkboxes for rights; only those the grantor holds can be given (the rest are shown disabled),
 * and the narrowing ones (only own orders), which give nothing.
 */
export function RightsFieldset({
  legend,
  rights,
  grantable,
  checked,
  idPrefix,
  error,
}: {
  legend: string;
  rights: Right[];
  grantable: string[];
  checked: string[];
  idPrefix: string;
  error?: string | undefined;
}) {
  return (
    <fieldset className="checks" aria-describedby={error ? `${idPrefix}-error` : undefined}>
      <legend>{legend}</legend>
      {rights.map((r) => {
        const allowed = grantable.includes(r.code) || r.narrowing === true;
        return (
          <label key={r.code}>
            <input
              type="checkbox"
              name="permissions"
              value={r.code}
              defaultChecked={checked.includes(r.code)}
              disabled={!allowed}
            />
            <span>
              {r.label}
              {allowed ? null : <span className="muted"> — нет у вас, выдать нельзя</span>}
            </span>
          </label>
        );
      })}
      {error ? (
        <span id={`${idPrefix}-error`} className="field__error">
          {error}
        </span>
      ) : null}
    </fieldset>
  );
}

export const rightLabel = (rights: Right[], code: string) => rights.find((r) => r.code === code)?.label ?? code;

export const STATUS_LABELS: Record<string, string> = {
  pending: "не активирован",
  view_only: "ждёт подтверждения",
  active: "активен",
  blocked: "заблокирован",
};
