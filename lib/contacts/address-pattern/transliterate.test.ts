import { describe, expect, test } from 'vitest';
import { transliterate } from './transliterate';

const values = (word: string) => transliterate(word).map((s) => s.value);

describe('transliterate', () => {
  test('German umlauts: expanded first, then stripped; ß is always ss', () => {
    expect(transliterate('Müller')).toEqual([
      { value: 'mueller', style: { umlaut: 'expand' } },
      { value: 'muller', style: { umlaut: 'strip' } },
    ]);
    expect(values('Jürgen')).toEqual(['juergen', 'jurgen']);
    expect(values('Größe')).toEqual(['groesse', 'grosse']);
    expect(transliterate('Strauß')).toEqual([{ value: 'strauss', style: {} }]);
  });

  test('accents and letters without a decomposition', () => {
    expect(values('Hélène')).toEqual(['helene']);
    expect(values('Núñez')).toEqual(['nunez']);
    expect(values('François')).toEqual(['francois']);
    expect(values('Noël')).toEqual(['noel']);
    expect(values('Søren')).toEqual(['soren']);
    expect(values('Łukasz')).toEqual(['lukasz']);
    expect(values("O'Brien")).toEqual(['obrien']);
    expect(values('d’Alembert')).toEqual(['dalembert']);
  });

  test('decomposed input (NFD) reads like composed', () => {
    expect(values('Mu\u0308ller')).toEqual(['mueller', 'muller']);
  });
});
