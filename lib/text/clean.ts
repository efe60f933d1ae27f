export function collapse(text: string | null | undefined): string {
  return (text ?? '').replace(/[\s\u200B-\u200D\u2060\uFEFF]+/g, ' ').trim();
}

/** Bidi controls and zero-width characters are stripped from what we keep. */
export function cleanText(text: string | null | undefined, max = 300): string {
  return collapse((text ?? '').replace(/[\u202A-\u202E\u2066-\u2069\u200E\u200F]/g, '')).slice(0, max);
}
