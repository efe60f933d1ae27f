import { describe, expect, test } from 'vitest';
import fc from 'fast-check';
import { mailtoAddresses, wordsWithAt } from './emails';

describe('words with an @', () => {
  test('are what /\\S*@\\S*/g matches, at the same places', () => {
    const units = [
      'a',
      'Z',
      '@',
      '.',
      ' ',
      '\t',
      '\n',
      '\u00a0',
      '\u2003',
      '\u3000',
      '\ufeff',
      'é',
      '😀',
      '-',
    ];
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...units), { maxLength: 40 }), (parts) => {
        const text = parts.join('');
        const expected = [...text.matchAll(/\S*@\S*/g)].map((m) => [m[0], m.index]);
        expect([...wordsWithAt(text)]).toEqual(expected);
      }),
      { numRuns: 2_000 },
    );
  });

  test('a paragraph: the address and its index', () => {
    expect([...wordsWithAt('write to jane@acme.io, or @ann\u00a0x@y today')]).toEqual([
      ['jane@acme.io,', 9],
      ['@ann', 26],
      ['x@y', 31],
    ]);
  });
});

describe('mailto: links', () => {
  test('escaped addresses decoded, broken escapes kept as written, several addresses split', () => {
    expect(mailtoAddresses('mailto:j%C3%BCrgen@m%C3%BCller.de?subject=Hi')).toEqual(['jürgen@müller.de']);
    expect(mailtoAddresses('mailto:ann@acme.io,%20bob@acme.io')).toEqual(['ann@acme.io', 'bob@acme.io']);
    expect(mailtoAddresses('mailto:ann%zz@acme.io')).toEqual(['ann%zz@acme.io']);
    expect(mailtoAddresses('MAILTO:ann@acme.io')).toEqual(['ann@acme.io']);
  });
});
