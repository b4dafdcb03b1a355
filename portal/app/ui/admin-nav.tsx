import "./admin.css";
import { NavLink } from "react-router";

/** The tenant admin's sections; each admin page shows this under its title. */
const SECTIONS = [
  { to: "/admin", label: "Правила", end: true },
  { to: "/admin/documents", label: "Документы" },
  { to: "/admin/branding", label: "Оформление" },
  { to: "/admin/workflow", label: "Схема заказов" },
  { to: "/admin/versions", label: "История версий" },
  { to: "/admin/banner", label: "Объявление" },
];

export function AdminNav() {
  return (
    <nav className="admin-nav" aria-label="Настройки поставщика">
      {SECTIONS.map((s) => (
        <NavLink key={s.to} to={s.to} end={s.end}>
          {s.label}
        </NavLink>
      ))}
    </nav>
  );
}

/** A labelled checkbox with its error. */
export function CheckField(props: { name: string; label: string; checked: boolean; error?: string; hint?: string }) {
  const errorId = props.error ? `${props.name}-error` : undefined;
  return (
    <div className={`field field--check${props.error ? " field--invalid" : ""}`}>
      <label>
        <input
          type="checkbox"
          name={props.name}
          defaultChecked={props.checked}
          aria-invalid={props.error ? true : undefined}
          aria-describedby={errorId}
        />{" "}
        {props.label}
      </label>
      {props.hint ? <span className="field__hint">{props.hint}</span> : null}
      {props.error ? (
        <span id={errorId} className="field__error">
          {props.error}
        </span>
      ) : null}
    </div>
  );
}

/** A labelled select with its error. */
export function SelectField(props: {
  name: string;
  label: string;
  value: string;
  options: [string, string][];
  error?: string;
}) {
  const errorId = props.error ? `${props.name}-error` : undefined;
  return (
    <div className={`field${props.error ? " field--invalid" : ""}`}>
      <label htmlFor={props.name}>{props.label}</label>
      <select
        id={props.name}
        name={props.name}
        defaultValue={props.value}
        aria-invalid={props.error ? true : undefined}
        aria-describedby={errorId}
      >
        {props.options.map(([value, label]) => (
          <option key={value} value={value}>
            {label}
          </option>
        ))}
      </select>
      {props.error ? (
        <span id={errorId} className="field__error">
          {props.error}
        </span>
      ) : null}
    </div>
  );
}
