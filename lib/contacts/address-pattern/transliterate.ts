import { memoize } from '../../memo';
import type { Spelling } from './style';

const UMLAUTS: Record<string, string> = { ä: 'ae', ö: 'oe', ü: 'ue' };
/** Letters that no Unicode decomposition turns into ASCII. */
const SPECIAL: Record<string, string> = {
  ß: 'ss',
  ẞ: 'ss',
  æ: 'ae',
  œ: 'oe',
  ø: 'o',
  ł: 'l',
  đ: 'd',
  ð: 'd',
  þ: 'th',
  ı: 'i',
};

function ascii(word: string): string {
  return word
    .toLowerCase()
    .replace(/[ßẞæœøłđðþı]/gu, (c) => SPECIAL[c] ?? c)
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .replace(/[^a-z0-9]/g, '');
}

/**
 * A word as a mailbox writes it: lower case, ASCII, accents gone (é → e, ñ → n, ç → c),
 * ß → ss, apostrophes dropped (O'Brien → obrien). German umlauts give two spellings, the
 * expanded one first (ü → ue, the German convention) and the stripped one (ü → u).
 */
export const transliterate: (word: string) => Spelling[] = memoize(transliterateUncached, 5_000);

function transliterateUncached(word: string): Spelling[] {
  const lower = word.normalize('NFC').toLowerCase();
  if (!/[äöü]/u.test(lower)) return [{ value: ascii(lower), style: {} }];
  return [
    { value: ascii(lower.replace(/[äöü]/gu, (c) => UMLAUTS[c]!)), style: { umlaut: 'expand' } },
    { value: ascii(lower), style: { umlaut: 'strip' } },
  ];
}
