/**
 * Gmail's stable ids. A message carries `data-legacy-message-id` (hex) and/or `data-message-id`
 * ("#msg-f:<decimal>", the same number in decimal); a thread `data-legacy-thread-id` (hex) and/or
 * `data-thread-perm-id` ("thread-f:<decimal>"). Both forms are read to the one hex id the
 * legacy attribute and Gmail's own URLs use, so a message is the same whichever form is shown.
 */
function fromPrefixed(value: string, prefix: RegExp): string | undefined {
  const m = prefix.exec(value);
  if (!m) return undefined;
  try {
    return BigInt(m[1]!).toString(16);
  } catch {
    return undefined;
  }
}

export function gmailMessageId(el: Element): string | undefined {
  const legacy = el.getAttribute('data-legacy-message-id');
  if (legacy && /^[0-9a-f]{8,20}$/i.test(legacy)) return legacy.toLowerCase();
  const raw = el.getAttribute('data-message-id');
  if (!raw) return undefined;
  return fromPrefixed(raw, /^#?msg-f:(\d{1,20})$/) ?? raw.replace(/^#/, '').slice(0, 200);
}

export function gmailThreadId(el: Element | undefined, url: string | undefined): string | undefined {
  const legacy = el?.getAttribute('data-legacy-thread-id');
  if (legacy && /^[0-9a-f]{8,20}$/i.test(legacy)) return legacy.toLowerCase();
  const perm = el?.getAttribute('data-thread-perm-id');
  const fromPerm = perm ? fromPrefixed(perm, /^#?thread-f:(\d{1,20})$/) : undefined;
  if (fromPerm) return fromPerm;
  // The open thread's token in the address: #inbox/FMfcgz…, #label/Kunden/FMfcgz…, #search/x/FMfcgz…
  const hash = url ? url.split('#')[1] : undefined;
  const token = hash?.split(/[/?]/).at(-1);
  return token && /^[A-Za-z0-9_-]{16,}$/.test(token) ? token : undefined;
}
