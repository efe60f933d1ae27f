import { nameParts, personNameScore } from './person-name';
import { jobTitleScore } from './job-title';
import { splitTitleCompany } from './title-company';

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
const SEPARATOR = /\s+[–—|·•-]\s+|\s*:\s+|\s*\|\s*|\t/;

function asName(text: string): { name: string; score: number } | undefined {
  const clean = text.replace(BYLINE, '').replace(TRAILING_NOTE, '').trim();
  const score = personNameScore(clean);
  return score > 0 ? { name: nameParts(clean)!.name, score } : undefined;
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
export function readPersonLine(line: string): PersonLine | undefined {
  if (line.length > 160) return undefined;
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
  return undefined;
}
