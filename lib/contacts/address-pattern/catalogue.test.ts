import { describe, expect, test } from 'vitest';
import { mayFollow, PATTERN_IDS, render, type PatternId } from './catalogue';
import { nameForms } from './name';

const first = (pattern: PatternId, name: string) => render(pattern, nameForms(name)!)[0]?.value;

describe('pattern catalogue', () => {
  test('every pattern for a plain name', () => {
    const out = Object.fromEntries(PATTERN_IDS.map((p) => [p, first(p, 'Jane Doe')]));
    expect(out).toEqual({
      'first.last': 'jane.doe',
      flast: 'jdoe',
      first: 'jane',
      'f.last': 'j.doe',
      firstlast: 'janedoe',
      'last.first': 'doe.jane',
      first_last: 'jane_doe',
      'first-last': 'jane-doe',
      last: 'doe',
      lastf: 'doej',
      firstl: 'janed',
      'first.l': 'jane.d',
      lastfirst: 'doejane',
    });
  });

  test('umlauts stay consistent across the two parts', () => {
    expect(render('first.last', nameForms('Jürgen Müller')!).map((s) => s.value)).toEqual([
      'juergen.mueller',
      'jurgen.muller',
    ]);
  });

  test('separated particles take the pattern separator', () => {
    const values = render('first_last', nameForms('Jan van der Berg')!).map((s) => s.value);
    expect(values).toEqual(['jan_vanderberg', 'jan_berg', 'jan_van_der_berg']);
    // Without a separator, "separated" and "joined" spell the same: one value, no particle choice.
    expect(render('flast', nameForms('Jan van der Berg')!)).toEqual([
      { value: 'jvanderberg', style: {} },
      { value: 'jberg', style: { particle: 'dropped' } },
    ]);
  });

  test('punctuation alone rules patterns out, never one a name could spell', () => {
    expect(PATTERN_IDS.filter((p) => mayFollow(p, 'jane.doe'))).toEqual([
      'first.last',
      'f.last',
      'last.first',
      'first.l',
    ]);
    expect(PATTERN_IDS.filter((p) => mayFollow(p, 'jane_doe'))).toEqual(['first_last']);
    // Jean-Pierre's hyphen: a hyphenated local part may still be firstlast or flast.
    expect(mayFollow('firstlast', 'jean-pierredupont')).toBe(true);
    expect(mayFollow('first-last', 'jeanpierre')).toBe(false);
    for (const pattern of PATTERN_IDS) {
      for (const name of [
        'Jean-Pierre Dupont',
        'Jan van der Berg',
        'María García López',
        'Jürgen Müller-Lüdenscheidt',
      ]) {
        for (const s of render(pattern, nameForms(name)!))
          expect(mayFollow(pattern, s.value), `${pattern} ${s.value}`).toBe(true);
      }
    }
  });

  test('a given initial cannot fill a pattern that needs the given name', () => {
    expect(render('first.last', nameForms('J. Smith')!)).toEqual([]);
    expect(first('f.last', 'J. Smith')).toBe('j.smith');
  });
});
