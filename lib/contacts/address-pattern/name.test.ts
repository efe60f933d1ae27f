import { describe, expect, test } from 'vitest';
import { nameForms } from './name';

const firsts = (name: string) => nameForms(name)?.firsts.map((s) => s.value);
const lasts = (name: string) => nameForms(name)?.lasts.map((s) => s.value);

describe('name forms', () => {
  test('German names: umlauts both ways, ß, titles and degrees dropped', () => {
    expect(firsts('Jürgen Weiß')).toEqual(['juergen', 'jurgen']);
    expect(lasts('Jürgen Weiß')).toEqual(['weiss']);
    expect(lasts('Dr. Anna Schäfer, MBA')).toEqual(['schaefer', 'schafer']);
    expect(firsts('Prof. Dr. Anna Schäfer')).toEqual(['anna']);
    expect(nameForms('Schäfer, Anna')?.lasts[0]).toEqual({ value: 'schaefer', style: { umlaut: 'expand' } });
  });

  test('hyphenated given and family names: hyphen, joined, first part', () => {
    expect(firsts('Jean-Pierre Dupont')).toEqual(['jean-pierre', 'jeanpierre', 'jean']);
    expect(lasts('Sabine Leutheusser-Schnarrenberger')).toEqual([
      'leutheusser-schnarrenberger',
      'leutheusserschnarrenberger',
      'leutheusser',
    ]);
    expect(nameForms('Jean-Pierre Dupont')?.firsts[2]?.style).toEqual({ givenHyphen: 'first' });
  });

  test('particles: joined, dropped, or separated by the pattern', () => {
    expect(lasts('Jan van den Berg')).toEqual(['vandenberg', 'berg', 'van den berg']);
    expect(lasts('Ursula von der Leyen')).toEqual(['vonderleyen', 'leyen', 'von der leyen']);
    expect(lasts('Ana de la Fuente')).toEqual(['delafuente', 'fuente', 'de la fuente']);
    expect(nameForms('Ana de la Fuente')?.lasts[1]?.style).toEqual({ particle: 'dropped' });
  });

  test('double surnames and middle names: last word, first surname, both', () => {
    expect(lasts('María García López')).toEqual(['lopez', 'garcia', 'garcialopez']);
    expect(lasts('Hans Peter Müller')).toEqual(['mueller', 'muller', 'peter', 'petermueller', 'petermuller']);
    expect(lasts('Hans J. Meier')).toEqual(['meier']);
  });

  test('initials: a given initial only gives initials', () => {
    const forms = nameForms('J. Smith')!;
    expect(forms.firsts).toEqual([]);
    expect(forms.initials.map((s) => s.value)).toEqual(['j']);
    expect(nameForms('Émilie Durand')?.initials.map((s) => s.value)).toEqual(['e']);
  });

  test('not a name: one word, digits, symbols', () => {
    expect(nameForms('Sales')).toBeUndefined();
    expect(nameForms('Team 42')).toBeUndefined();
    expect(nameForms('info@acme.de')).toBeUndefined();
    expect(nameForms('')).toBeUndefined();
  });
});
