import { describe, expect, test } from 'vitest';
import { decodeMappings, groupOf } from './bundle-sizes-lib';

describe('bundle sizes', () => {
  test('decodes source-map segments: columns add up per line, sources across lines', () => {
    // "AAAA,ICAA;AAAA": line 0 → col 0 src 0, col 4 src 1; line 1 → col 0, still src 1 (relative).
    expect(decodeMappings('AAAA,ICAA;AAAA')).toEqual([
      [
        { column: 0, source: 0 },
        { column: 4, source: 1 },
      ],
      [{ column: 0, source: 1 }],
    ]);
    // A one-field segment maps to no source; a multi-digit VLQ (gB = 16) decodes.
    expect(decodeMappings('gB')).toEqual([[{ column: 16, source: undefined }]]);
    expect(() => decodeMappings('A!')).toThrow(/bad source-map character/);
  });

  test('groups sources by npm package (scoped too), else by project folder', () => {
    expect(groupOf('../../node_modules/tldts/dist/es6/index.js')).toBe('tldts');
    expect(groupOf('../../node_modules/@wxt-dev/webextension-polyfill/dist/browser.mjs')).toBe(
      '@wxt-dev/webextension-polyfill',
    );
    expect(groupOf('../../../lib/detect/sources/people.ts')).toBe('lib/detect');
    expect(groupOf('../../../entrypoints/content/index.ts')).toBe('entrypoints/content');
  });
});
