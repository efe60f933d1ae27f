import { normaliseEmail, type NormalisedEmail } from '../contacts/email';
import { decodeSafe } from './decode';
import { AT_MARKER, SPELLED_MARKER } from './markers';

/** File extensions that are also top-level domains: `logo@2x.png` is an image, not a person. */
const FILE_LIKE_TLDS = new Set([
  'png',
  'jpg',
  'jpeg',
  'gif',
  'svg',
  'webp',
  'avif',
  'ico',
  'css',
  'js',
  'mjs',
  'map',
  'json',
  'zip',
  'mov',
  'mp4',
  'pdf',
  'ts',
  'py',
  'sh',
  'md',
  'rs',
]);

/**
 * An address found in running text, where look-alikes abound: retina images (`logo@2x.png`),
 * packages (`lodash@4.17.21`), hosts (`user@localhost`, `deploy@10.0.0.1`).
 */
export function textEmail(candidate: string): NormalisedEmail | undefined {
  const email = normaliseEmail(candidate);
  if (!email) return undefined;
  const labels = email.domain.split('.');
  if (FILE_LIKE_TLDS.has(labels.at(-1)!)) return undefined;
  if (labels.some((l) => /^\d+x$/.test(l))) return undefined;
  return email;
}

const ATEXT = "[\\p{L}\\p{N}!#$%&'*+/=?^_`{|}~-]";
const LOCAL = `${ATEXT}+(?:\\.${ATEXT}+)*`;
const DOMAIN = String.raw`(?:[\p{L}\p{N}](?:[\p{L}\p{N}-]{0,61}[\p{L}\p{N}])?\.)+[\p{L}\p{N}-]{2,63}`;

/** Plain addresses; the lookbehind keeps `@mentions` and URL userinfo out. */
const EMAIL_IN_TEXT = new RegExp(String.raw`(?<![\p{L}\p{N}._%+-])${LOCAL}@${DOMAIN}(?![\p{L}\p{N}-])`, 'gu');

/** Whether a UTF-16 unit is white space as `\s` has it (ASCII answered without a pattern). */
const isSpace = (c: number) =>
  c === 32 || (c > 8 && c < 14) || (c > 127 && /\s/.test(String.fromCharCode(c)));

/**
 * The runs of characters without white space that hold an '@', with their index (the matches of
 * `\S*@\S*`, global), found from each '@' outwards: the pattern tried every position.
 */
export function* wordsWithAt(text: string): Generator<[word: string, index: number]> {
  for (let at = text.indexOf('@'), end = 0; at >= 0; at = text.indexOf('@', end)) {
    let start = at;
    while (start > end && !isSpace(text.charCodeAt(start - 1))) start--;
    for (end = at + 1; end < text.length && !isSpace(text.charCodeAt(end));) end++;
    yield [text.slice(start, end), start];
  }
}

const AT = String.raw`\s*(?:\[\s*at\s*\]|\(\s*at\s*\)|\{\s*at\s*\}|<\s*at\s*>|\[\s*ät\s*\]|\(\s*ät\s*\))\s*`;
const DOT = String.raw`\s*(?:\[\s*(?:dot|punkt)\s*\]|\(\s*(?:dot|punkt)\s*\)|\{\s*(?:dot|punkt)\s*\}|\.)\s*`;
const WORD = String.raw`[\p{L}\p{N}_-]+`;
/** `jane [at] acme [dot] io`, `jane(at)acme.io`, `jane (at) acme (punkt) de` */
const BRACKETED = new RegExp(
  String.raw`(?<![\p{L}\p{N}._%+-])(${LOCAL})${AT}(${WORD}(?:${DOT}${WORD})+)`,
  'giu',
);
/** `jane at acme dot io`: only lower-case words and both markers, so prose does not match. */
const SPELLED = new RegExp(
  String.raw`(?<![\p{L}\p{N}._%+-])([a-z0-9._-]+) at ([a-z0-9-]+(?: dot [a-z0-9-]+)+)(?![\p{L}\p{N}])`,
  'gu',
);

export interface TextMatch {
  email: NormalisedEmail;
  index: number;
  length: number;
  obfuscated: boolean;
}

export function findEmailsInText(text: string): TextMatch[] {
  if (!text.includes('@') && !/\bat\b|\(at\)|\[at\]|\(ät\)/i.test(text)) return [];
  const out: TextMatch[] = [];
  // An address holds no white space, and white space passes both its look-arounds as the ends of
  // a string do: the pattern runs on the words that hold an '@' only, not on every position of
  // an 800-character paragraph, and finds what it finds on the whole text.
  for (const [word, index] of wordsWithAt(text))
    for (const m of word.matchAll(EMAIL_IN_TEXT)) {
      const email = textEmail(m[0]);
      if (email) out.push({ email, index: index + m.index, length: m[0].length, obfuscated: false });
    }
  // The obfuscation patterns are costly: run them only when a marker is present.
  const hasMarker = AT_MARKER.test(text);
  const spelled = SPELLED_MARKER.test(text);
  if (hasMarker)
    for (const m of text.matchAll(BRACKETED)) {
      const domain = m[2]!.replace(new RegExp(DOT, 'giu'), '.');
      const email = textEmail(`${m[1]}@${domain}`);
      if (email) out.push({ email, index: m.index, length: m[0].length, obfuscated: true });
    }
  if (spelled)
    for (const m of text.matchAll(SPELLED)) {
      const email = textEmail(`${m[1]}@${m[2]!.replace(/ dot /g, '.')}`);
      if (email) out.push({ email, index: m.index, length: m[0].length, obfuscated: true });
    }
  return out;
}

export { PHONE_CANDIDATE, PHONE_LABEL } from './markers';

/** The addresses of a `mailto:` link (several when comma-separated), display forms. */
export function mailtoAddresses(href: string): string[] {
  if (!/^mailto:/i.test(href)) return [];
  const target = decodeSafe(href.slice(7).split('?')[0]!);
  const out: string[] = [];
  for (const part of target.split(',')) {
    const email = textEmail(part);
    if (email) out.push(email.display);
  }
  return out;
}
