import "./account.css";
import type { InputHTMLAttributes, ReactNode } from "react";
import type { Branding } from "../graphql/types";
import { svgDataUrl } from "../lib/format";

/** A labelled input with its hint and its error right under it (announced, tied by aria-describedby). */
export function Field(
  props: {
    name: string;
    label: string;
    error?: string | undefined;
    hint?: ReactNode;
    id?: string;
  } & Omit<InputHTMLAttributes<HTMLInputElement>, "name" | "id">,
) {
  const { name, label, error, hint, id = name, ...input } = props;
  const hintId = hint ? `${id}-hint` : undefined;
  const errorId = error ? `${id}-error` : undefined;
  const describedBy = [hintId, errorId].filter(Boolean).join(" ") || undefined;
  return (
    <div className={`field${error ? " field--invalid" : ""}`}>
      <label htmlFor={id}>{label}</label>
      <input
        type="text"
        id={id}
        name={name}
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy}
        {...input}
      />
      {hint ? (
        <span id={hintId} className="field__hint">
          {hint}
        </span>
      ) : null}
      {error ? (
        <span id={errorId} className="field__error">
          {error}
        </span>
      ) : null}
    </div>
  );
}

/** A form-level message: an error (role=alert) or a success note (role=status). */
export function FormMessage({ error, ok }: { error?: string | null | undefined; ok?: string | null | undefined }) {
  if (error)
    return (
      <p className="alert alert--error" role="alert">
        {error}
      </p>
    );
  if (ok)
    return (
      <p className="alert alert--success" role="status">
        {ok}
      </p>
    );
  return null;
}

/** The frame of the pages before login (registration, activation, recovery), in the tenant's colours. */
export function PublicShell({
  tenant,
  title,
  children,
}: {
  tenant: { name: string; slug: string; branding: Branding } | null;
  title: string;
  children: ReactNode;
}) {
  const style = tenant
    ? ({
        "--brand-primary": tenant.branding.primary,
        "--brand-on-primary": tenant.branding.onPrimary,
        "--brand-accent": tenant.branding.accent,
      } as React.CSSProperties)
    : undefined;
  return (
    <div style={style}>
      <header className="app-header">
        <div className="app-header__top">
          <div className="app-header__brand">
            {tenant ? <img className="app-header__logo" src={svgDataUrl(tenant.branding.logoSvg)} alt="" /> : null}
            <span className="app-header__tenant">{tenant?.name ?? "Кабинет дилера"}</span>
          </div>
          <a className="button button--on-brand" href={tenant ? `/login?tenant=${tenant.slug}` : "/login"}>
            Вход
          </a>
        </div>
      </header>
      <main id="main" className="page page--narrow">
        <h1>{title}</h1>
        {children}
      </main>
    </div>
  );
}
