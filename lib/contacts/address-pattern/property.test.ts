import fc from 'fast-check';
import { expect, test } from 'vitest';
import { PATTERN_IDS, spell } from './catalogue';
import { classify, learnPatterns } from './learn';
import { nameForms } from './name';
import { spellFor } from './propose';
import { DIMENSIONS, type Dimension, type Style } from './style';
import { FAMILY_NAMES, GIVEN_NAMES } from './test-fixtures';

/** Invented words too, with the letters that make spelling choices (umlauts, ß, accents). */
const word = fc.stringMatching(/^[a-zäöüßéñ]{2,9}$/).map((w) => w[0]!.toLocaleUpperCase('de') + w.slice(1));
const name = fc
  .tuple(fc.oneof(fc.constantFrom(...GIVEN_NAMES), word), fc.oneof(fc.constantFrom(...FAMILY_NAMES), word))
  .map(([g, f]) => `${g} ${f}`);
const style = fc.record(
  Object.fromEntries(Object.entries(DIMENSIONS).map(([dim, choices]) => [dim, fc.constantFrom(...choices)])),
) as fc.Arbitrary<Required<Style>>;

test('a pattern learnt from addresses that follow it reproduces each of them', () => {
  fc.assert(
    fc.property(
      fc.constantFrom(...PATTERN_IDS),
      style,
      fc.uniqueArray(name, { minLength: 1, maxLength: 8, selector: (n) => n.toLowerCase() }),
      fc.constantFrom(
        'acme-maschinenbau.de',
        'exemple-groupe.fr',
        'voorbeeld.nl',
        'ejemplo.es',
        'acme.co.uk',
      ),
      (pattern, chosen, names, domain) => {
        const people = names.flatMap((n) => {
          const forms = nameForms(n);
          const local = forms
            ? spell(pattern, forms).find((s) =>
                Object.entries(s.style).every(([dim, c]) => chosen[dim as Dimension] === c),
              )?.value
            : undefined;
          return local ? [{ name: n, local }] : [];
        });
        // Evidence is what follows exactly one pattern and one address per person.
        fc.pre(people.length > 0);
        fc.pre(people.every((p) => classify(p.local, p.name).patterns.length === 1));
        fc.pre(new Set(people.map((p) => p.local)).size === people.length);
        const evidence = learnPatterns(
          people.map((p) => ({ name: p.name, email: `${p.local}@${domain}` })),
        ).get(domain);
        for (const person of people) {
          expect(spellFor(person.name, evidence)).toMatchObject({ local: person.local, pattern });
        }
      },
    ),
    { numRuns: 400 },
  );
});
