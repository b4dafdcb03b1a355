/** E-mail is the login: compared and stored trimmed and lower-case (one account per address). */
export function normalizeEmail(input: string): string {
  return input.trim().toLowerCase();
}
