import { isValidInn } from "@dpp/tenant";
import { normalizeEmail } from "./email.ts";
import { type PasswordPolicy, passwordProblem } from "./password-policy.ts";

/** One problem with one input field, shown next to it. */
export interface FieldProblem {
  field: string;
  message: string;
}

// Deliberately simple: one @, something on both sides, a dot in the domain, no spaces.
const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
const PHONE = /^\+?[0-9\s()-]{10,20}$/;

export function emailProblem(value: string, label = "e-mail"): string | null {
  const v = normalizeEmail(value);
  if (v === "") return `Укажите ${label}`;
  if (v.length > 254 || !EMAIL.test(v)) return `«${value.trim()}» — не адрес электронной почты`;
  return null;
}

export function innProblem(inn: string): string | null {
  const v = inn.trim();
  if (v === "") return "Укажите ИНН";
  if (!/^\d+$/.test(v)) return "ИНН состоит только из цифр";
  if (v.length !== 10 && v.length !== 12) return `ИНН должен содержать 10 или 12 цифр, а не ${v.length}`;
  if (!isValidInn(v)) return "Неверная контрольная сумма ИНН — проверьте цифры";
  return null;
}

export function kppProblem(kpp: string | null | undefined, inn: string): string | null {
  const v = (kpp ?? "").trim();
  if (v === "") return null;
  if (!/^\d{4}[0-9A-Z]{2}\d{3}$/.test(v)) return "КПП — 9 символов: 4 цифры, 2 цифры или заглавные буквы, 3 цифры";
  if (inn.trim().length === 12) return "У индивидуального предпринимателя (ИНН из 12 цифр) нет КПП";
  return null;
}

export function phoneProblem(phone: string): string | null {
  const digits = phone.replace(/\D/g, "");
  if (phone.trim() === "") return "Укажите телефон";
  if (!PHONE.test(phone.trim()) || digits.length < 10 || digits.length > 15) {
    return `«${phone.trim()}» — не номер телефона (нужно 10–15 цифр, например +7 495 123-45-67)`;
  }
  return null;
}

export interface SelfRegistration {
  userName: string;
  legalName: string;
  inn: string;
  kpp?: string | null;
  email: string;
  managerEmail?: string | null;
  password: string;
  passwordRepeat: string;
}

/** Every problem of a self-registration form (wasserkraft), field by field; empty when valid. */
export function selfRegistrationProblems(input: SelfRegistration, policy: PasswordPolicy): FieldProblem[] {
  const out: FieldProblem[] = [];
  const add = (field: string, message: string | null) => {
    if (message) out.push({ field, message });
  };
  add("userName", input.userName.trim().length < 4 ? "Имя пользователя — не короче 4 символов" : null);
  add("legalName", input.legalName.trim() === "" ? "Укажите название юридического лица" : null);
  add("inn", innProblem(input.inn));
  add("kpp", kppProblem(input.kpp, input.inn));
  add("email", emailProblem(input.email));
  if (input.managerEmail?.trim()) add("managerEmail", emailProblem(input.managerEmail, "e-mail менеджера"));
  add("password", passwordProblem(policy, input.password, input.passwordRepeat));
  return out;
}

export interface Questionnaire {
  surname: string;
  givenName: string;
  patronymic?: string | null;
  customerType: string;
  password: string;
  passwordRepeat: string;
  acceptTerms: boolean;
}

/** Problems of the keaz questionnaire; `customerTypes` is the tenant's list (one must be chosen). */
export function questionnaireProblems(
  input: Questionnaire,
  policy: PasswordPolicy,
  customerTypes: readonly string[],
): FieldProblem[] {
  const out: FieldProblem[] = [];
  if (input.surname.trim() === "") out.push({ field: "surname", message: "Укажите фамилию" });
  if (input.givenName.trim() === "") out.push({ field: "givenName", message: "Укажите имя" });
  if (customerTypes.length > 0 && !customerTypes.includes(input.customerType)) {
    out.push({ field: "customerType", message: "Выберите, кто вы, из списка" });
  }
  const pw = passwordProblem(policy, input.password, input.passwordRepeat);
  if (pw) out.push({ field: "password", message: pw });
  if (!input.acceptTerms) {
    out.push({
      field: "acceptTerms",
      message: "Нужно согласие с условиями использования и политикой конфиденциальности",
    });
  }
  return out;
}
