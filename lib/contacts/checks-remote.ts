import type { CountryCode } from 'libphonenumber-js';
import type { DomainInfo } from './checks';
import { MAX_QUESTION } from './check-limits';

/**
 * `checks.ts` as the content script has it (wxt.config.ts puts this module in its place): the
 * answers come from the background. An answer not yet known reads as "invalid" and is counted
 * as a miss; whoever ran the code (the scanner, webmail mode) then asks the background for the
 * questions of that run at once (`takeQuestions` → `page/checks` → `learnAnswers`) and runs it
 * again. A result is final only when its run had no miss, so it is the background's answer.
 */
export type { DomainInfo };

export interface CheckQuestions {
  domains: string[];
  phones: { text: string; region?: string }[];
}

export interface CheckAnswers {
  domains: DomainInfo[];
  phones: (string | null)[];
}

/** Remembered answers; a page rarely holds more than a few thousand distinct domains and numbers. */
const MAX_ANSWERS = 100_000;

const INVALID: DomainInfo = {
  isIp: false,
  isIcann: false,
  domain: null,
  publicSuffix: null,
  freeMail: false,
};
const domains = new Map<string, DomainInfo>();
const phones = new Map<string, string | null>();
const askedDomains = new Set<string>();
const askedPhones = new Map<string, { text: string; region?: string }>();
let misses = 0;

const phoneKey = (text: string, region?: string) => `${region ?? ''}|${text}`;

export function domainInfo(host: string): DomainInfo {
  const known = domains.get(host);
  if (known) return known;
  if (host.length > MAX_QUESTION) return INVALID;
  misses++;
  askedDomains.add(host);
  return INVALID;
}

export function possiblePhone(text: string, region?: CountryCode): string | undefined {
  const key = phoneKey(text, region);
  const known = phones.get(key);
  if (known !== undefined) return known ?? undefined;
  if (text.length > MAX_QUESTION) return undefined;
  misses++;
  askedPhones.set(key, region ? { text, region } : { text });
  return undefined;
}

/** How many answers were missing so far (a run compares the count before and after). */
export function uncheckedAnswers(): number {
  return misses;
}

/** Up to `max` of each kind of the questions asked since the last call. */
export function takeQuestions(max: number): CheckQuestions | undefined {
  if (!askedDomains.size && !askedPhones.size) return undefined;
  const take = <T>(from: Iterable<T>, drop: (t: T) => void) => {
    const out: T[] = [];
    for (const item of from) {
      if (out.length === max) break;
      out.push(item);
    }
    out.forEach(drop);
    return out;
  };
  const domainList = take([...askedDomains], (d) => askedDomains.delete(d));
  const phoneList = take([...askedPhones], ([key]) => askedPhones.delete(key)).map(([, q]) => q);
  return { domains: domainList, phones: phoneList };
}

/** Remembers the background's answers to `questions`, in their order. */
export function learnAnswers(questions: CheckQuestions, answers: CheckAnswers): void {
  if (
    answers.domains.length !== questions.domains.length ||
    answers.phones.length !== questions.phones.length
  )
    throw new Error('the answers do not match the questions');
  if (domains.size + phones.size > MAX_ANSWERS) {
    domains.clear();
    phones.clear();
  }
  questions.domains.forEach((d, i) => domains.set(d, answers.domains[i]!));
  questions.phones.forEach((q, i) => phones.set(phoneKey(q.text, q.region), answers.phones[i]!));
}

/** Forgets every answer and question: the page as on a first visit (the bench measures that). */
export function forgetAnswers(): void {
  domains.clear();
  phones.clear();
  askedDomains.clear();
  askedPhones.clear();
}
