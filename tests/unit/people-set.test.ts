import { describe, expect, test } from 'vitest';
import { loadSet, scoreSet, scoreTable } from '../people/score';

describe('people test set (tests/fixtures/people)', () => {
  const { scores, misses, pages, people } = scoreSet();
  const field = (name: string) => scores.find((s) => s.field === name)!;

  test('the set is as wide as the issue asks: 40+ pages, en/de/fr/es', () => {
    expect(pages).toBeGreaterThanOrEqual(40);
    expect(people).toBeGreaterThan(100);
    const langs = new Set(loadSet().pages.map((p) => p.file.split('-')[0]));
    for (const l of ['de', 'fr', 'es']) expect(langs.has(l), l).toBe(true);
    console.log(`people set: ${pages} pages, ${people} people\n${scoreTable(scores)}`);
    if (misses.length)
      console.log(
        misses.map((m) => `  ${m.file} ${m.field}: ${m.expected ?? '—'} → ${m.found ?? '—'}`).join('\n'),
      );
  });

  test('names: recall ≥ 0.9, precision ≥ 0.95', () => {
    expect(field('name').recall).toBeGreaterThanOrEqual(0.9);
    expect(field('name').precision).toBeGreaterThanOrEqual(0.95);
  });

  test('titles ≥ 0.85', () => {
    expect(field('title').recall).toBeGreaterThanOrEqual(0.85);
    expect(field('title').precision).toBeGreaterThanOrEqual(0.85);
  });

  test('phones ≥ 0.85', () => {
    expect(field('phone').recall).toBeGreaterThanOrEqual(0.85);
    expect(field('phone').precision).toBeGreaterThanOrEqual(0.85);
  });

  test('e-mail addresses lose no precision; companies are the page’s organisation', () => {
    expect(field('email').precision).toBeGreaterThanOrEqual(0.95);
    expect(field('company').precision).toBeGreaterThanOrEqual(0.85);
  });
});
