import { memoize } from '../../memo';
import { PARTICLES } from '../../text/person-name';
import { dedupe, product, type Spelling, type Style } from './style';
import { transliterate } from './transliterate';

/** Particles beyond the ones person-name detection knows (German contractions, French "des"). */
const MORE_PARTICLES = new Set(['des', 'vom', 'zum', 'zur', 'do', 'dei', "d'", 'd’', 'st.']);
const isParticle = (word: string) =>
  PARTICLES.has(word.toLowerCase()) || MORE_PARTICLES.has(word.toLowerCase());

/** Forms of address and degrees that are never part of a mailbox (German, French, Spanish, Dutch, English). */
const HONORIFICS = new Set(
  [
    'dr',
    'prof',
    'professor',
    'dipl',
    'ing',
    'mag',
    'herr',
    'frau',
    'mr',
    'mrs',
    'ms',
    'miss',
    'mx',
    'm',
    'mme',
    'mlle',
    'me',
    'sr',
    'sra',
    'srta',
    'don',
    'doña',
    'dña',
    'dhr',
    'mevr',
    'drs',
    'ir',
    'mr.',
    'rer',
    'nat',
    'med',
    'h.c',
    'dott',
    'dipl.-ing',
    'dipl.-kfm',
    'dipl.-inf',
    'b.sc',
    'm.sc',
  ].map((h) => h.replace(/\.$/, '')),
);
const SUFFIXES = /^(?:jr|sr|ii|iii|iv|phd|mba|msc|bsc|md|llm|cpa|esq)\.?$/i;

/** A single letter, "J." or "J": the person's given name is only known by its initial. */
const isInitial = (word: string) => /^\p{L}\.?$/u.test(word);

export interface NameForms {
  /** Spellings of the given name; empty when only its initial is known ("J. Smith"). */
  firsts: Spelling[];
  /** Spellings of the given name's first letter. */
  initials: Spelling[];
  /** Spellings of the family name; a space stands for the pattern's separator (particle "separated"). */
  lasts: Spelling[];
}

function cleanTokens(raw: string): string[] {
  let text = raw
    .normalize('NFC')
    .replace(/\([^)]*\)|\[[^\]]*\]|"[^"]*"|“[^”]*”/gu, ' ')
    .replace(/\s+/g, ' ')
    .trim();
  const comma = text.split(',').map((p) => p.trim());
  if (comma.length > 1) {
    // "Doe, PhD" drops the degree; "Müller, Hans" is family name first.
    const tail = comma.slice(1).filter((p) => p && !p.split(' ').every((w) => SUFFIXES.test(w)));
    text = tail.length ? `${tail.join(' ')} ${comma[0]}` : comma[0]!;
  }
  const words = text.split(' ').filter(Boolean);
  const isTitle = (w: string) =>
    HONORIFICS.has(w.toLowerCase().replace(/\.$/, '')) && (w.length > 1 || w === 'M');
  while (words.length > 2 && isTitle(words[0]!)) words.shift();
  while (words.length > 2 && SUFFIXES.test(words.at(-1)!)) words.pop();
  return words;
}

/** "Jean-Pierre" → jean-pierre / jeanpierre / jean; a word without hyphen is just transliterated. */
function hyphenated(word: string, dim: 'givenHyphen' | 'familyHyphen'): Spelling[] {
  const pieces = word.split(/[-‐‑]/u).filter(Boolean);
  if (pieces.length < 2) return transliterate(word);
  const spelled = pieces.map(transliterate);
  const tagged = (join: string, choice: Style[typeof dim]) =>
    product(spelled, join).map((s) => ({ value: s.value, style: { ...s.style, [dim]: choice } }));
  return [
    ...tagged('-', 'hyphen'),
    ...tagged('', 'joined'),
    ...spelled[0]!.map((s) => ({ value: s.value, style: { ...s.style, [dim]: 'first' as const } })),
  ];
}

/** The family name with its particles: "van den Berg" joined, dropped or separated. */
function familySpellings(words: string[]): Spelling[] {
  const particles = words.filter(isParticle);
  const core = words.filter((w) => !isParticle(w));
  const coreSpellings = product(core.map((w) => hyphenated(w, 'familyHyphen')));
  if (!particles.length || !core.length) return coreSpellings;
  const all = product(
    words.map((w) => (isParticle(w) ? transliterate(w) : hyphenated(w, 'familyHyphen'))),
    ' ',
  );
  const tag = (list: Spelling[], choice: Style['particle'], map = (v: string) => v) =>
    list.map((s) => ({ value: map(s.value), style: { ...s.style, particle: choice } }));
  return [
    ...tag(all, 'joined', (v) => v.replace(/ /g, '')),
    ...tag(coreSpellings, 'dropped'),
    ...tag(all, 'separated'),
  ];
}

/**
 * The ways a company may spell a person's name in a mailbox, or undefined when the text is not
 * a name with a given and a family part. Titles and degrees go ("Dr. Anna Schmidt, MBA"),
 * "Müller, Hans" is turned round, middle names and initials are skipped, and a name of three or
 * more words ("María García López", "Hans Peter Müller") offers its last word, its first
 * surname and both. A name is read many times (learning, each pattern, proposing): answers are
 * remembered, and shared, so callers never change them.
 */
export const nameForms: (raw: string) => NameForms | undefined = memoize(nameFormsUncached, 5_000);

function nameFormsUncached(raw: string): NameForms | undefined {
  const words = cleanTokens(raw);
  if (words.length < 2 || words.length > 6) return undefined;
  if (!words.every((w) => /^[\p{L}\p{M}'’.‐‑-]+$/u.test(w))) return undefined;
  const [given, ...rest] = words as [string, ...string[]];
  const particleAt = rest.findIndex((w, i) => i < rest.length - 1 && isParticle(w));
  let lasts: Spelling[];
  if (particleAt >= 0) {
    lasts = familySpellings(rest.slice(particleAt));
  } else {
    const surnames = rest.filter((w) => !isInitial(w));
    if (!surnames.length) return undefined;
    if (surnames.length === 1) {
      lasts = familySpellings(surnames);
    } else {
      const [paternal, last] = [surnames.at(-2)!, surnames.at(-1)!];
      const tag = (list: Spelling[], choice: Style['surnames']) =>
        list.map((s) => ({ value: s.value, style: { ...s.style, surnames: choice } }));
      lasts = [
        ...tag(familySpellings([last]), 'last'),
        ...tag(familySpellings([paternal]), 'paternal'),
        ...tag(product([familySpellings([paternal]), familySpellings([last])]), 'both'),
      ];
    }
  }
  const firsts = isInitial(given) ? [] : hyphenated(given, 'givenHyphen');
  const initials = transliterate(given.replace(/\.$/, '')).map((s) => ({
    value: s.value.slice(0, 1),
    style: {},
  }));
  // Not merged by value: "both" and "paternal" surnames share an initial, yet say different things.
  lasts = lasts.filter((s) => s.value.replace(/ /g, ''));
  if (!lasts.length || !initials[0]?.value) return undefined;
  return { firsts: firsts.filter((s) => s.value), initials: dedupe(initials), lasts };
}
