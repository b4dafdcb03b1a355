import { describe, expect, it } from "vitest";
import {
  innProblem,
  kppProblem,
  phoneProblem,
  questionnaireProblems,
  selfRegistrationProblems,
} from "./registration.ts";

const wk = { minLength: 6, requireDigit: false, requireLower: false, requireUpper: false };
const keaz = { minLength: 8, requireDigit: true, requireLower: true, requireUpper: true };
const good = {
  userName: "Иван",
  legalName: "ООО «Аквамир»",
  inn: "7707083893",
  kpp: "770701001",
  email: "ivan@aquamir.ru",
  managerEmail: "",
  password: "secret",
  passwordRepeat: "secret",
};

describe("innProblem", () => {
  it.each([
    ["7707083893", null],
    ["500100732259", null],
    ["", "Укажите ИНН"],
    ["77070838", "ИНН должен содержать 10 или 12 цифр, а не 8"],
    ["7707083894", "Неверная контрольная сумма ИНН — проверьте цифры"],
    ["500100732258", "Неверная контрольная сумма ИНН — проверьте цифры"],
    ["77070838x3", "ИНН состоит только из цифр"],
  ])("%s -> %s", (inn, want) => expect(innProblem(inn)).toBe(want));
});

describe("kppProblem", () => {
  it.each([
    ["", "7707083893", null],
    [null, "7707083893", null],
    ["770701001", "7707083893", null],
    ["7707AB001", "7707083893", null],
    ["77070100", "7707083893", "КПП — 9 символов: 4 цифры, 2 цифры или заглавные буквы, 3 цифры"],
    ["770701001", "500100732259", "У индивидуального предпринимателя (ИНН из 12 цифр) нет КПП"],
  ])("%s (ИНН %s) -> %s", (kpp, inn, want) => expect(kppProblem(kpp, inn)).toBe(want));
});

describe("phoneProblem", () => {
  it.each([
    ["+7 495 123-45-67", null],
    ["84951234567", null],
    ["  ", "Укажите телефон"],
    ["123", "«123» — не номер телефона (нужно 10–15 цифр, например +7 495 123-45-67)"],
    ["+7 abc 123", "«+7 abc 123» — не номер телефона (нужно 10–15 цифр, например +7 495 123-45-67)"],
  ])("%s -> %s", (phone, want) => expect(phoneProblem(phone)).toBe(want));
});

describe("selfRegistrationProblems", () => {
  it.each([
    ["valid", {}, []],
    ["short user name", { userName: "Ив" }, [["userName", "Имя пользователя — не короче 4 символов"]]],
    ["bad inn", { inn: "1234567890" }, [["inn", "Неверная контрольная сумма ИНН — проверьте цифры"]]],
    ["bad email", { email: "ivan@" }, [["email", "«ivan@» — не адрес электронной почты"]]],
    ["bad manager email", { managerEmail: "boss" }, [["managerEmail", "«boss» — не адрес электронной почты"]]],
    ["passwords differ", { passwordRepeat: "secreT" }, [["password", "Пароли не совпадают"]]],
    [
      "several at once",
      { legalName: " ", kpp: "1" },
      [
        ["legalName", "Укажите название юридического лица"],
        ["kpp", "КПП — 9 символов: 4 цифры, 2 цифры или заглавные буквы, 3 цифры"],
      ],
    ],
  ] as const)("%s", (_n, patch, want) => {
    const got = selfRegistrationProblems({ ...good, ...patch }, wk).map((p) => [p.field, p.message]);
    expect(got).toEqual(want);
  });
});

describe("questionnaireProblems", () => {
  const q = {
    surname: "Иванов",
    givenName: "Иван",
    customerType: "Дистрибьютор",
    password: "Secret12",
    passwordRepeat: "Secret12",
    acceptTerms: true,
  };
  it.each([
    ["valid", {}, []],
    ["no type", { customerType: "Пират" }, ["customerType"]],
    ["weak password", { password: "secret12", passwordRepeat: "secret12" }, ["password"]],
    ["terms", { acceptTerms: false }, ["acceptTerms"]],
    ["names", { surname: "", givenName: " " }, ["surname", "givenName"]],
  ] as const)("%s", (_n, patch, fields) => {
    expect(questionnaireProblems({ ...q, ...patch }, keaz, ["Дистрибьютор", "Студент"]).map((p) => p.field)).toEqual(
      fields,
    );
  });
});
