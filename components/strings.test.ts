import { expect, test } from 'vitest';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';

/** Words shown as they are in every language: language names in their own language, the product. */
const ALLOWED = new Set(['English', 'Deutsch', 'Pipeline Scout', 'CSV', 'vCard', 'JSON']);

function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return sources(path);
    return /\.tsx$/.test(name) && !/\.test\.tsx$/.test(name) && name !== 'test-utils.tsx' ? [path] : [];
  });
}

test('every visible string of the UI comes from the i18n table, none is written into a component', () => {
  const found: string[] = [];
  for (const file of sources('components')) {
    const text = readFileSync(file, 'utf8');
    // Text between tags, and the attributes a person reads or hears.
    const visible = [
      ...text.matchAll(/>\s*([A-Za-z][A-Za-z'’]+(?:[ ,.…-]+[A-Za-z'’]+)+[.…]?)\s*</g),
      ...text.matchAll(/\b(?:label|aria-label|title|placeholder|alt)="([A-Za-z][^"]*)"/g),
    ].map((m) => m[1]!.trim());
    for (const string of visible) if (!ALLOWED.has(string)) found.push(`${file}: ${string}`);
  }
  expect(found).toEqual([]);
});
