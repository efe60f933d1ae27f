/**
 * Reading the public reply corpora (talon, EmailReplyParser) for the agreement test: the plain
 * text part of a saved .eml, decoded. Test support only; the extension never reads raw mail.
 */
function decode(body: string, encoding: string): string {
  if (/base64/i.test(encoding)) return Buffer.from(body.replace(/\s+/g, ''), 'base64').toString('utf8');
  if (/quoted-printable/i.test(encoding))
    return Buffer.from(
      body
        .replace(/=\r?\n/g, '')
        .replace(/=([0-9A-F]{2})/gi, (_, h: string) => String.fromCharCode(parseInt(h, 16))),
      'latin1',
    ).toString('utf8');
  return body;
}

function split(raw: string): { headers: string; body: string } {
  const at = raw.search(/\r?\n\r?\n/);
  return at < 0
    ? { headers: raw, body: '' }
    : { headers: raw.slice(0, at), body: raw.slice(at).replace(/^\r?\n\r?\n/, '') };
}

const header = (headers: string, name: string) =>
  new RegExp(`^${name}:\\s*((?:.*)(?:\\r?\\n[ \\t].*)*)`, 'im')
    .exec(headers)?.[1]
    ?.replace(/\r?\n[ \t]+/g, ' ') ?? '';

/** The text/plain part of an RFC 822 message (multipart or not), decoded. */
export function plainTextOf(raw: string): string {
  const { headers, body } = split(raw);
  const type = header(headers, 'Content-Type');
  const boundary = /boundary="?([^";]+)"?/i.exec(type)?.[1];
  if (/multipart\//i.test(type) && boundary) {
    for (const part of body.split(`--${boundary}`)) {
      const inner = split(part.replace(/^\r?\n/, ''));
      const innerType = header(inner.headers, 'Content-Type');
      if (/multipart\//i.test(innerType) || /text\/plain/i.test(innerType)) {
        const text = plainTextOf(part.replace(/^\r?\n/, ''));
        if (text) return text;
      }
    }
    return '';
  }
  if (type && !/text\/plain/i.test(type)) return '';
  return decode(body, header(headers, 'Content-Transfer-Encoding'));
}
