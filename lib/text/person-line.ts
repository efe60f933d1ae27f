import { nameParts, nameScore } from './person-name';
import { jobTitleScore } from './job-title';
import { splitTitleCompany } from './title-company';
import { memoize } from '../memo';

export interface PersonLine {
  name: string;
  score: number;
  title?: string;
  company?: string;
}

/** "By Jane Miller", "Von Jane Miller", "Par …", "Por …", "Door …": a byline's name. */
const BYLINE = /^(?:by|written by|von|par|por|di|door|autor(?:in)?:?|author:?)\s+/i;
/** Trailing parentheticals hold extensions and notes: "(ext. 112)", "(she/her)". */
const TRAILING_NOTE = /\s*\([^()]{0,40}\)\s*$/;
/** Phones and addresses with their labels: "tel. 947 54 12 30", "T: 212.555.0110", "jane@acme.io". */
const CONTACT_DATA =
  /,?\s*(?:(?:tel|tél|phone|ph|t|fon|telefon|mobil|mobile|cell|m|e-?mail|mail)\.?\s*[:.]?\s*)?(?:\+?\(?\d[\d\s().\/-]{5,}\d|[\w.+-]+@[\w-]+(?:\.[\w-]+)+)/giu;
/** "Label: …" — a short capitalised label before a colon. */
const LABEL = /^(\p{Lu}[\p{L}&' -]{2,40}?)\s*:\s+/u;
const SEPARATOR = /\s+[–—|·•-]\s+|\s*:\s+|\s*\|\s*|\t/;

function asName(text: string): { name: string; score: number } | undefined {
  const clean = text.replace(BYLINE, '').replace(TRAILING_NOTE, '').trim();
  const parts = nameParts(clean);
  // A job title is never a name ("Sports Physiotherapist"), unless a given name says otherwise.
  if (!parts || (!parts.givenName && jobTitleScore(clean) > 0)) return undefined;
  return { name: parts.name, score: nameScore(parts) };
}

function asTitle(text: string): { title: string; company?: string } | undefined {
  const t = text.replace(TRAILING_NOTE, '').trim();
  if (!t) return undefined;
  const split = splitTitleCompany(t);
  return jobTitleScore(split.title) > 0 ? split : undefined;
}

/**
 * A line that names a person: a bare name ("Dr. Jane Miller, CMC", "By Jane Miller"), or a name
 * with its title in either order — "Town Clerk – Jane Miller, CMC (ext. 112)", "Jane Miller,
 * Town Clerk", "Jane Miller | Head of Sales", "Bürgermeister: Hans Weber".
 */
export function readPersonLine(text: string): PersonLine | undefined {
  return text.length > 160 ? undefined : remembered(text);
}

/**
 * Lines repeat on a page ("Email", "Read bio", the same title in many cards): each distinct line
 * is read once. The answers are shared: callers never change them.
 */
const remembered = memoize(readUncached, 5_000);

function readUncached(text: string): PersonLine | undefined {
  // Contact data is part of neither name nor title.
  const line = text
    .replace(CONTACT_DATA, '')
    .replace(/[\s,;·–—-]+$/, '')
    .trim();
  if (!line) return undefined;
  const whole = asName(line);
  if (whole) return whole;
  const parts = line.split(SEPARATOR).filter((p) => p.trim());
  if (parts.length >= 2 && parts.length <= 4) {
    for (let i = 0; i < parts.length; i++) {
      const name = asName(parts[i]!);
      if (!name) continue;
      const others = parts.filter((_, j) => j !== i).join(', ');
      const title = asTitle(others) ?? asTitle(parts[i === 0 ? 1 : 0]!);
      if (title) return { ...name, ...title };
      // "Comptabilité : Sophie Lefèvre", "Kundenservice: Merle Jensen": a label before a colon
      // names the person's post even when it is a department.
      const label = LABEL.exec(line);
      if (i === 1 && label && label[1] === parts[0]) return { ...name, title: label[1] };
    }
    // "Sales: John Doyle, Sales Manager": the part after the label is itself a person line.
    for (const part of parts) {
      const inner = part.includes(', ') ? readPersonLine(part) : undefined;
      if (inner?.title) return inner;
    }
  }
  // "Jane Miller, Town Clerk", "Jane Miller, CMC, Town Clerk": the longest name before a comma.
  const commas = [...line.matchAll(/, /g)].map((m) => m.index).reverse();
  for (const at of commas) {
    const name = asName(line.slice(0, at));
    if (!name) continue;
    const title = asTitle(line.slice(at + 2));
    if (title) return { ...name, ...title };
  }
  // "Pastor David Mitchell", "Bürgermeister Hans Weber": a post before the name (the block's own
  // title line, if any, says more: "Senior Pastor").
  const words = line.split(' ');
  for (let k = 1; k <= 2 && k < words.length - 1; k++) {
    const lead = words.slice(0, k).join(' ');
    const rest = asName(words.slice(k).join(' '));
    if (
      rest &&
      rest.score >= 0.85 &&
      !/[:,]|\s(?:of|de|du|des|für|del|di|van)$/i.test(lead) &&
      jobTitleScore(lead) > 0
    )
      return rest;
  }
  return undefined;
}
