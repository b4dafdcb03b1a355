import { Field } from "./field";

/** The dealer's person and legal entity: shared by invitations and outlet cabinets. */
export function DealerFields({ f, v }: { f: Record<string, string>; v: Record<string, string> }) {
  return (
    <>
      <Field name="fullName" label="ФИО контактного лица" defaultValue={v.fullName} error={f.fullName} />
      <Field name="email" label="E-mail (станет логином)" type="email" defaultValue={v.email} error={f.email} />
      <Field name="legalName" label="Юридическое лицо" defaultValue={v.legalName} error={f.legalName} />
      <Field
        name="inn"
        label="ИНН"
        inputMode="numeric"
        hint="10 цифр для организации, 12 — для ИП"
        defaultValue={v.inn}
        error={f.inn}
      />
      <Field name="kpp" label="КПП (необязательно)" hint="9 символов" defaultValue={v.kpp} error={f.kpp} />
    </>
  );
}

export const DEALER_FIELD_NAMES = ["fullName", "email", "legalName", "inn", "kpp"] as const;
