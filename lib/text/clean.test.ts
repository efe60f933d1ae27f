import { describe, expect, test } from 'vitest';
import { cleanText, collapse } from './clean';

/** What cleanText answers by definition: the whole text cleaned, then cut. */
const reference = (text: string, max: number) =>
  collapse(text.replace(/[\u202A-\u202E\u2066-\u2069\u200E\u200F]/g, '')).slice(0, max);

describe('cleanText', () => {
  test('strips bidi and zero-width characters and collapses white space', () => {
    expect(cleanText('  Jane\u200B \u202AMiller\u202C \n\t Sales ')).toBe('Jane Miller Sales');
    expect(cleanText(null)).toBe('');
    expect(cleanText('abcdef', 3)).toBe('abc');
  });

  test('a long text cut short gives what cleaning all of it gives', () => {
    // Runs of white space and controls across every boundary the prefix reading may cut at.
    const pieces = ['word', ' ', '\n\n', '\u202A', '\u200B', '   \t ', 'x', '\u200F', 'Ünïcode', '\uFEFF'];
    let seed = 7;
    const random = () => (seed = (seed * 48271) % 2147483647) / 2147483647;
    for (let round = 0; round < 60; round++) {
      const parts: string[] = [];
      const length = 200 + Math.floor(random() * 30_000);
      for (let n = 0; n < length; n++) parts.push(pieces[Math.floor(random() * pieces.length)]!);
      // Some texts open with a long blank stretch: the first prefixes clean to nothing.
      const text = (round % 3 === 0 ? ' '.repeat(5_000) : '') + parts.join('');
      for (const max of [0, 1, 60, 300, 1_000, 5_000, 100_000])
        expect(cleanText(text, max)).toBe(reference(text, max));
    }
  });
});

describe('collapse', () => {
  test('answers what collapsing every run of white space and trimming answers', () => {
    const full = (text: string) => text.replace(/[\s\u200B-\u200D\u2060\uFEFF]+/g, ' ').trim();
    const pieces = [
      'a',
      'Bc',
      ' ',
      '  ',
      '\n',
      '\t',
      '\u00a0',
      '\u200B',
      '\u2060',
      '\uFEFF',
      '\u3000',
      '\u2028',
    ];
    let seed = 11;
    const random = () => (seed = (seed * 48271) % 2147483647) / 2147483647;
    for (let round = 0; round < 2_000; round++) {
      const parts: string[] = [];
      const length = Math.floor(random() * 8);
      for (let n = 0; n < length; n++) parts.push(pieces[Math.floor(random() * pieces.length)]!);
      const text = parts.join('');
      expect(collapse(text)).toBe(full(text));
    }
    expect(collapse('Jane Miller')).toBe('Jane Miller');
    expect(collapse(undefined)).toBe('');
  });
});
