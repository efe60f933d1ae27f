import type { NameForms } from './name';
import { dedupe, product, type Spelling } from './style';

type Piece = 'first' | 'f' | 'last' | 'l' | '.' | '_' | '-';

/**
 * The mailbox patterns companies use, most common first. The eight of the issue, and five more
 * seen at real companies and listed by every address-finder's pattern table: `last` (small
 * German firms: mueller@), `lastf` (doej@, common in US corporate mail), `firstl` and `first.l`
 * (janed@, jane.d@: start-ups, Google Workspace shops) and `lastfirst` (doejane@).
 */
export const PATTERNS = {
  'first.last': ['first', '.', 'last'],
  flast: ['f', 'last'],
  first: ['first'],
  'f.last': ['f', '.', 'last'],
  firstlast: ['first', 'last'],
  'last.first': ['last', '.', 'first'],
  first_last: ['first', '_', 'last'],
  'first-last': ['first', '-', 'last'],
  last: ['last'],
  lastf: ['last', 'f'],
  firstl: ['first', 'l'],
  'first.l': ['first', '.', 'l'],
  lastfirst: ['last', 'first'],
} as const satisfies Record<string, readonly Piece[]>;

export type PatternId = keyof typeof PATTERNS;
export const PATTERN_IDS = Object.keys(PATTERNS) as PatternId[];

const SEPARATORS = new Set<Piece>(['.', '_', '-']);

/** The punctuation between the pattern's parts ("." for first.last), or "" for flast. */
export function separatorOf(pattern: PatternId): string {
  return (PATTERNS[pattern] as readonly Piece[]).find((p) => SEPARATORS.has(p)) ?? '';
}

/**
 * Whether a local part can be of the pattern at all, from its punctuation alone: names spell
 * no "." or "_" of their own (a hyphen they may: Jean-Pierre), so jane.doe is no flast.
 */
export function mayFollow(pattern: PatternId, local: string): boolean {
  const separator = separatorOf(pattern);
  if (separator) return local.includes(separator);
  return !local.includes('.') && !local.includes('_');
}

/**
 * Every local part the pattern gives for the name, one per combination of spelling choices (the
 * same value may come more than once); none when the pattern needs a given name the text does
 * not hold ("J. Smith" has no `first`). Shared: callers never change the list.
 */
export function spell(pattern: PatternId, forms: NameForms): Spelling[] {
  let byPattern = SPELT.get(forms);
  if (!byPattern) SPELT.set(forms, (byPattern = new Map()));
  let spellings = byPattern.get(pattern);
  if (!spellings) byPattern.set(pattern, (spellings = spellUncached(pattern, forms)));
  return spellings;
}

/** Spellings per (remembered, shared) name and pattern: learning and proposing ask for them often. */
const SPELT = new WeakMap<NameForms, Map<PatternId, Spelling[]>>();

function spellUncached(pattern: PatternId, forms: NameForms): Spelling[] {
  const pieces: readonly Piece[] = PATTERNS[pattern];
  const separator = separatorOf(pattern);
  const lasts = forms.lasts.map((s) => ({ ...s, value: s.value.replace(/ /g, separator) }));
  const parts = pieces.map((piece): Spelling[] => {
    switch (piece) {
      case 'first':
        return forms.firsts;
      case 'f':
        return forms.initials;
      case 'last':
        return lasts;
      case 'l':
        return lasts.map((s) => ({ value: s.value.slice(0, 1), style: s.style }));
      default:
        return [{ value: piece, style: {} }];
    }
  });
  return product(parts);
}

/** The distinct local parts the pattern gives, each with the choices every way to it shares. */
export function render(pattern: PatternId, forms: NameForms): Spelling[] {
  return dedupe(spell(pattern, forms));
}
