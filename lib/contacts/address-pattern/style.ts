/**
 * The spelling choices a company makes when it turns a name into a mailbox, one dimension each.
 * A spelling carries only the dimensions its name actually exercises: "Jane Doe" none, "Jürgen
 * Müller" the umlaut, "Jan van den Berg" the particle.
 */
export const DIMENSIONS = {
  /** ä ö ü → ae oe ue, or → a o u. */
  umlaut: ['expand', 'strip'],
  /** "van den Berg" → vandenberg, berg, or van.den.berg (the pattern's own separator). */
  particle: ['joined', 'dropped', 'separated'],
  /** "Jean-Pierre" → jean-pierre, jeanpierre, jean. */
  givenHyphen: ['hyphen', 'joined', 'first'],
  /** "Müller-Lüdenscheidt" → mueller-luedenscheidt, muellerluedenscheidt, mueller. */
  familyHyphen: ['hyphen', 'joined', 'first'],
  /** "María García López": the last word (lopez), the first surname (garcia), or both (garcialopez). */
  surnames: ['last', 'paternal', 'both'],
} as const;

export type Dimension = keyof typeof DIMENSIONS;
export type Style = { [D in Dimension]?: (typeof DIMENSIONS)[D][number] };

/** One way of writing a name part, and the choices that give it. */
export interface Spelling {
  value: string;
  style: Style;
}

/** The two styles together, or undefined when they disagree on a dimension. */
export function combineStyles(a: Style, b: Style): Style | undefined {
  const out: Record<string, string> = { ...a };
  for (const [dim, choice] of Object.entries(b)) {
    if (out[dim] !== undefined && out[dim] !== choice) return undefined;
    out[dim] = choice;
  }
  return out as Style;
}

/** Every consistent concatenation of one spelling from each part. */
export function product(parts: readonly (readonly Spelling[])[], join = ''): Spelling[] {
  let acc: Spelling[] = [{ value: '', style: {} }];
  for (const part of parts) {
    const next: Spelling[] = [];
    for (const left of acc) {
      for (const right of part) {
        const style = combineStyles(left.style, right.style);
        if (style)
          next.push({ value: left.value ? `${left.value}${join}${right.value}` : right.value, style });
      }
    }
    acc = next;
  }
  return acc;
}

/**
 * Spellings with the same value merged: a dimension stays only when every way to that value
 * made the same choice (otherwise the value says nothing about it). Order is kept.
 */
export function dedupe(spellings: readonly Spelling[]): Spelling[] {
  const byValue = new Map<string, Spelling[]>();
  for (const s of spellings) {
    const group = byValue.get(s.value);
    if (group) group.push(s);
    else byValue.set(s.value, [s]);
  }
  return [...byValue.entries()].map(([value, group]) => {
    const style: Record<string, string> = {};
    for (const [dim, choice] of Object.entries(group[0]!.style)) {
      if (group.every((g) => (g.style as Record<string, string>)[dim] === choice)) style[dim] = choice;
    }
    return { value, style: style as Style };
  });
}
