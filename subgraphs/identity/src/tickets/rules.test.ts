import { describe, expect, it } from "vitest";
import { bodyProblem, recipientOf, ticketMail, ticketProblems } from "./rules.ts";

describe("ticket rules", () => {
  it.each<[string, { subject: string; body: string }, string[]]>([
    ["fine", { subject: "Сертификаты", body: "Пришлите, пожалуйста, сертификаты" }, []],
    ["short subject", { subject: " Ок ", body: "текст" }, ["subject"]],
    ["long subject", { subject: "а".repeat(201), body: "текст" }, ["subject"]],
    ["empty body", { subject: "Тема", body: "   " }, ["body"]],
    ["both", { subject: "", body: "" }, ["subject", "body"]],
  ])("%s", (_, input, fields) => {
    expect(ticketProblems(input).map((p) => p.field)).toEqual(fields);
  });

  it("limits a message to 4000 characters", () => {
    expect(bodyProblem("а".repeat(4000))).toBeNull();
    expect(bodyProblem("а".repeat(4001))).toBe("Сообщение длиннее 4000 символов");
  });

  it.each<[string, "dealer" | "manager", string | null, object]>([
    ["the supplier writes: the dealer", "manager", "usr_m", { userId: "usr_d" }],
    ["the dealer writes: the ticket's manager", "dealer", "usr_m", { userId: "usr_m" }],
    ["the dealer writes, nobody answers yet: the contact address", "dealer", null, { email: "info@x.ru" }],
  ])("%s", (_, side, managerUserId, expected) => {
    expect(recipientOf(side, { userId: "usr_d", managerUserId }, "info@x.ru")).toEqual(expected);
  });

  it("names the ticket, the author and the link", () => {
    const mail = ticketMail({
      brand: "Спектр-СБ",
      number: 157,
      subject: "Сертификаты",
      opened: false,
      side: "manager",
      author: "Орлова Екатерина",
      company: "ООО «Альфа»",
      body: " Отправила на почту. ",
      link: "http://portal/support/tkt_1",
    });
    expect(mail.subject).toBe("Спектр-СБ: обратная связь — тикет № 157, новое сообщение");
    expect(mail.text).toContain(
      "Менеджер Орлова Екатерина написал в тикет № 157 «Сертификаты»:\n\nОтправила на почту.",
    );
    expect(mail.text).toContain("Ответить: http://portal/support/tkt_1");
  });
});
