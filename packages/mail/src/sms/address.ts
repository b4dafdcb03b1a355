/**
 * A phone number as an SMPP destination address: international format, digits only (the SMSC's
 * TON/NPI "international/E.164"). Russian numbers written with a leading 8 become 7…; anything
 * that is not 11–15 digits after that is not a number an SMS can go to (null).
 */
export function smsAddress(phone: string): string | null {
  const trimmed = phone.trim();
  if (!/^\+?[\d\s()-]+$/.test(trimmed)) return null;
  let digits = trimmed.replace(/\D/g, "");
  if (!trimmed.startsWith("+") && digits.length === 11 && digits.startsWith("8")) digits = `7${digits.slice(1)}`;
  if (!trimmed.startsWith("+") && digits.length === 10 && digits.startsWith("9")) digits = `7${digits}`;
  return digits.length >= 11 && digits.length <= 15 ? digits : null;
}

/** The most characters one SMS carries in UCS-2 (Cyrillic); longer texts go in `message_payload`. */
export const SMS_SINGLE_UCS2 = 70;
