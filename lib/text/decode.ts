/** A link's percent-encoded part (a `mailto:` address, a `tel:` number) decoded, or as written when it is not valid encoding. */
export function decodeSafe(s: string): string {
  // Only a '%' starts an escape: without one, decoding changes nothing.
  if (!s.includes('%')) return s;
  try {
    return decodeURIComponent(s);
  } catch {
    return s;
  }
}
