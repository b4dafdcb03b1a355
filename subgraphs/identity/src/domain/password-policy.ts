/** A tenant's password rules (TenantDefinition.features.passwordPolicy). */
export interface PasswordPolicy {
  minLength: number;
  requireDigit: boolean;
  requireLower: boolean;
  requireUpper: boolean;
}

/** Longer than this is refused (argon2 cost grows with input; no one types 128 characters). */
export const MAX_PASSWORD_LENGTH = 128;

/** What is wrong with a password under a policy, as one Russian sentence; null when it is fine. */
export function passwordProblem(policy: PasswordPolicy, password: string, repeat?: string): string | null {
  const missing: string[] = [];
  if (policy.requireDigit && !/[0-9]/.test(password)) missing.push("цифры");
  if (policy.requireLower && !/[a-z]/.test(password)) missing.push("строчные латинские буквы");
  if (policy.requireUpper && !/[A-Z]/.test(password)) missing.push("заглавные латинские буквы");
  if (password.length < policy.minLength) {
    const rest = missing.length > 0 ? ` и содержать ${missing.join(", ")}` : "";
    return `Пароль должен быть не короче ${policy.minLength} символов${rest}`;
  }
  if (password.length > MAX_PASSWORD_LENGTH) return `Пароль должен быть не длиннее ${MAX_PASSWORD_LENGTH} символов`;
  if (missing.length > 0) return `Пароль должен содержать ${missing.join(", ")}`;
  if (repeat !== undefined && repeat !== password) return "Пароли не совпадают";
  return null;
}

/** The policy in words, for the hint under every new-password field. */
export function describePasswordPolicy(policy: PasswordPolicy): string {
  const need: string[] = [];
  if (policy.requireDigit) need.push("цифры");
  if (policy.requireLower) need.push("строчные латинские буквы");
  if (policy.requireUpper) need.push("заглавные латинские буквы");
  const rest = need.length > 0 ? `; должен содержать ${need.join(", ")}` : "";
  return `Не короче ${policy.minLength} символов${rest}`;
}

/** A generated password that satisfies every policy (digits, both cases, 12 characters). */
export function generatePassword(random: (n: number) => number): string {
  const sets = ["ABCDEFGHJKLMNPQRSTUVWXYZ", "abcdefghijkmnopqrstuvwxyz", "23456789"];
  const all = sets.join("");
  const chars = sets.map((set) => set[random(set.length)] ?? "A");
  while (chars.length < 12) chars.push(all[random(all.length)] ?? "a");
  for (let i = chars.length - 1; i > 0; i--) {
    const j = random(i + 1);
    [chars[i], chars[j]] = [chars[j] ?? "", chars[i] ?? ""];
  }
  return chars.join("");
}
