/** Postcode "1234ab" / "1234 AB " -> "1234 AB"; null when not a Dutch postcode. */
export function normalisePostcode(input: string): string | null {
  const m = /^\s*([1-9][0-9]{3})\s*([a-zA-Z]{2})\s*$/.exec(input);
  if (!m) return null;
  const letters = m[2].toUpperCase();
  if (['SA', 'SD', 'SS'].includes(letters)) return null;
  return `${m[1]} ${letters}`;
}

/** KvK number: exactly 8 digits, kept as a string (leading zeros matter). */
export const isKvkNumber = (input: string): boolean => /^[0-9]{8}$/.test(input);

/** Trim and collapse inner whitespace of a single-line text. */
export const squish = (s: string): string => s.replace(/\s+/g, ' ').trim();

/** Cut a text for a summary at a word boundary. */
export function truncate(s: string, max: number): string {
  if (s.length <= max) return s;
  const cut = s.slice(0, max);
  const lastSpace = cut.lastIndexOf(' ');
  return `${(lastSpace > max * 0.6 ? cut.slice(0, lastSpace) : cut).trimEnd()}…`;
}
