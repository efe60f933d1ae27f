import { findEmailsInText, mailtoAddresses } from '../../text/emails';
import { readPersonLine, type PersonLine } from '../../text/person-line';
import { nameParts } from '../../text/person-name';
import { jobTitleScore } from '../../text/job-title';
import { splitTitleCompany } from '../../text/title-company';
import { isGivenName } from '../../data/given-names';
import { memoize } from '../../memo';
import { AT_MARKER, DIGIT_RUN, SPELLED_MARKER } from '../../text/markers';
import { phoneValue } from '../../contacts/phone';
import { pageLines, type PageLine } from '../page-lines';
import { decodeSafe } from '../../text/decode';
import { phonesInLine } from '../line-phones';
import { isProfileUrl } from './profile-page';
import { STRENGTH, type Finding } from '../types';
import type { ScanContext } from '../scan-context';

/** How far up from a name its block may reach (a card's photo, name, title and links). */
const MAX_BLOCK_DEPTH = 6;
const ENTRY = new Set(['li', 'tr', 'dt', 'dd', 'article']);
/** Lines a person's block may hold; lines after a bare name that belong to it. */
const MAX_BLOCK_LINES = 30;
const MAX_FOLLOWING = 6;

interface Person {
  line: number;
  read: PersonLine;
  block: Element;
  first: number;
  last: number;
}

/** Class names and attributes by which pages mark a job title. */
const TITLE_MARK =
  /(?:^|[\s_-])(?:job|jobtitle|position|role|title|designation|funktion|fonction|poste|cargo|ruolo|functie)(?:$|[\s_-])/i;

/** Column headers that mark a table's titles: "Title", "Position", "Funktion", "Poste", "Cargo". */
const TITLE_HEADER =
  /^(?:(?:job\s+)?title|position|role|function|funktion|fonction|poste|cargo|puesto|ruolo|functie|tätigkeit|bereich|abteilung|department|service)$/i;

function markedAsTitle(el: Element): boolean {
  const cls = el.getAttribute('class') ?? '';
  if (el.getAttribute('itemprop') === 'jobTitle' || (TITLE_MARK.test(cls) && !/name/i.test(cls))) return true;
  const cell = el.closest('td');
  const row = cell?.parentElement;
  const table = row?.closest('table');
  if (!cell || !row || !table) return false;
  let columns = titleColumns.get(table);
  if (!columns) {
    // Read once per table: the columns whose header names a title.
    const headers = table.querySelector('tr')?.children ?? [];
    columns = new Set(
      [...headers].flatMap((h, i) =>
        h.localName === 'th' && TITLE_HEADER.test((h.textContent ?? '').trim()) ? [i] : [],
      ),
    );
    titleColumns.set(table, columns);
  }
  return columns.size > 0 && columns.has([...row.children].indexOf(cell));
}

const titleColumns = new WeakMap<Element, Set<number>>();

const CONNECTOR = /(?:\band|&|,|\bund|\bet|\by|\be|\bo|\/|-)$/i;
const CONTACT_LABEL =
  /^(?:e-?mail|mail|phone|tel\.?|telefon|fax|web|www|linkedin|xing|bio|profile|read (?:more|bio)|view (?:bio|profile)|send email|contact)\b/i;
const BIO_TEXT = /\b(?:bio|biography|profile|profil|read more|learn more|mehr|en savoir plus|más|view)\b/i;

function within(block: Element, el: Element): boolean {
  return block === el || block.contains(el);
}

/** Whether `el` lies in another entry like `block` under the same parent (the next <li> or <tr>). */
function siblingEntry(block: Element, el: Element): boolean {
  let e: Element | null = el;
  for (let d = 0; e && e.parentElement !== block.parentElement && d < MAX_BLOCK_DEPTH; d++)
    e = e.parentElement;
  return !!e && e !== block && e.parentElement === block.parentElement && e.localName === block.localName;
}

function linkValues(links: Element[], base?: string) {
  const emails: string[] = [];
  const phones: string[] = [];
  const profiles: string[] = [];
  let bio = false;
  for (const a of links) {
    const href = a.getAttribute('href') ?? '';
    if (/^mailto:/i.test(href)) {
      emails.push(...mailtoAddresses(href));
    } else if (/^tel:/i.test(href)) {
      phones.push(href.slice(4));
    } else if (/^https?:/i.test(href) && isProfileUrl(href)) {
      profiles.push(href);
    } else if (href && !href.startsWith('#') && !/^javascript:/i.test(href)) {
      try {
        const url = new URL(href, base ?? 'http://localhost/');
        if (!base || new URL(base).hostname === url.hostname) bio = true;
      } catch {
        // not a link we can read
      }
    }
  }
  return { emails, phones, profiles, bio };
}

/** The title of a person: the first job-title line of the block, after the name, then before. */
function titleOf(
  lines: PageLine[],
  p: Person,
  names: Set<number>,
): { title: string; company?: string } | undefined {
  if (p.read.title) return { title: p.read.title, company: p.read.company };
  const order: number[] = [];
  for (let i = p.line + 1; i <= p.last; i++) order.push(i);
  for (let i = p.line - 1; i >= p.first; i--) order.push(i);
  for (const i of order) {
    if (names.has(i)) continue;
    let text = lines[i]!.text;
    if (text.includes('@') || CONTACT_LABEL.test(text)) continue;
    // "Senior Vice President and / Chief Financial Officer" written over two lines.
    if (CONNECTOR.test(text) && i + 1 <= p.last && !names.has(i + 1)) text = `${text} ${lines[i + 1]!.text}`;
    const title = titleLine(`${+markedAsTitle(lines[i]!.container)}${text}`);
    if (title) return title;
  }
  return undefined;
}

/**
 * A line read as a title ("1" before it when the page marks it as one), once per distinct line:
 * the cards of a page repeat their titles. The answers are shared: callers never change them.
 */
const titleLine = memoize((key: string) => {
  const split = splitTitleCompany(key.slice(1).replace(/\s*\([^()]{0,40}\)$/, ''));
  return jobTitleScore(split.title, key[0] === '1') > 0 ? split : undefined;
}, 5_000);

/**
 * People from a page's structure: repeated blocks (cards, list items, table rows, definition
 * lists) that each hold one person-like name, flat "Title – Name" / "Name, Title" lines, and
 * people named in running text next to an address or a number. A person is a name plus a title,
 * a phone, an address, a profile or bio link, or a place among other people.
 */
export function fromPeople(root: Element, ctx: ScanContext): Finding[] {
  const lines = pageLines(root, ctx.visibility);
  const reads = new Map<number, PersonLine>();
  const namesAt = new Map<Element, number>();
  lines.forEach((line, i) => {
    const read = readPersonLine(line.text);
    if (!read || !ctx.visibility.visible(line.container)) return;
    reads.set(i, read);
    let el: Element | null = line.container;
    for (let d = 0; el && d <= MAX_BLOCK_DEPTH; d++, el = el.parentElement) {
      namesAt.set(el, (namesAt.get(el) ?? 0) + 1);
      if (el === root) break;
    }
  });
  const names = new Set(reads.keys());
  const people: Person[] = [];
  const nameLines = [...names];
  nameLines.forEach((i, k) => {
    const line = lines[i]!;
    const next = nameLines[k + 1] ?? lines.length;
    let block = line.container;
    if ((namesAt.get(block) ?? 0) <= 1) {
      for (let d = 0; d < MAX_BLOCK_DEPTH && block !== root; d++) {
        const parent = block.parentElement;
        // An entry of a list or table is a block of its own, whatever else the list holds.
        if (
          !parent ||
          parent.localName === 'body' ||
          ENTRY.has(block.localName) ||
          (namesAt.get(parent) ?? 0) !== 1
        )
          break;
        block = parent;
      }
    }
    let first = i;
    let last = i;
    while (
      first > 0 &&
      i - first < MAX_BLOCK_LINES &&
      !names.has(first - 1) &&
      within(block, lines[first - 1]!.container)
    )
      first--;
    while (last + 1 < next && last - i < MAX_BLOCK_LINES && within(block, lines[last + 1]!.container)) last++;
    // A bare name whose block is itself (a <dt>, an <h3> among siblings, a line among lines of one
    // paragraph): what follows it is its own, up to the next entry of the same kind (<li>, <tr>).
    if (block === line.container) {
      const scope = (namesAt.get(block) ?? 0) > 1 ? block : (block.parentElement ?? block);
      while (
        last + 1 < next &&
        last - i < MAX_FOLLOWING &&
        within(scope, lines[last + 1]!.container) &&
        !siblingEntry(block, lines[last + 1]!.container)
      )
        last++;
    }
    people.push({ line: i, read: reads.get(i)!, block, first: block === line.container ? i : first, last });
  });

  // Blocks that repeat: several people in blocks of the same kind under one parent.
  const shapeKey = (p: Person) => `${p.block.localName}.${p.block.getAttribute('class') ?? ''}`;
  const parents = new Map<Element, Map<string, number>>();
  for (const p of people) {
    const parent = p.block.parentElement;
    if (!parent) continue;
    const shapes = parents.get(parent) ?? new Map<string, number>();
    parents.set(parent, shapes);
    shapes.set(shapeKey(p), (shapes.get(shapeKey(p)) ?? 0) + 1);
  }

  const mainPhone = mainNumber(lines, people, ctx);
  const findings: Finding[] = [];
  for (const p of people) {
    const emails: string[] = [];
    const phones: string[] = [];
    const profiles: string[] = [];
    let bio = false;
    let extension: string | undefined;
    for (let i = p.first; i <= p.last; i++) {
      const line = lines[i]!;
      if (i !== p.line && (names.has(i) || !ctx.visibility.visible(line.container))) continue;
      for (const m of findEmailsInText(line.text)) emails.push(m.email.display);
      const read = phonesInLine(line.text, ctx.region, true);
      phones.push(...read.phones);
      extension ??= read.extension;
      const links = linkValues(line.links, ctx.base);
      emails.push(...links.emails);
      for (const tel of links.phones) {
        const value = phoneValue(decodeSafe(tel), ctx.region);
        if (value) phones.push(value);
      }
      profiles.push(...links.profiles);
      bio ||= links.bio && (i === p.line || line.links.some((a) => BIO_TEXT.test(a.textContent ?? '')));
    }
    // "Phone Ext: 4417" in a card: the extension of the page's one main number.
    if (!phones.length && extension && mainPhone) phones.push(`${mainPhone};ext=${extension}`);
    const title = titleOf(lines, p, names);
    const parent = p.block.parentElement;
    const repeated = !!parent && (parents.get(parent)?.get(shapeKey(p)) ?? 0) >= 2;
    const reach = emails.length > 0 || phones.length > 0;
    if (!title && !reach && !profiles.length && !extension) {
      // A bare name among others (or with a bio link) needs a known given name or an honorific.
      if (!(repeated || bio) || p.read.score < 0.85) continue;
    }
    const confidence = Math.min(
      1,
      0.35 +
        0.4 * p.read.score +
        (title ? 0.15 : 0) +
        (reach ? 0.1 : 0) +
        (profiles.length || bio ? 0.05 : 0) +
        (repeated ? 0.05 : 0),
    );
    findings.push({
      detector: 'card',
      strength: STRENGTH.people,
      confidence,
      name: p.read.name,
      emails: [...new Set(emails)],
      phones: [...new Set(phones)],
      title: title?.title,
      company: title?.company,
      profiles: [...new Set(profiles)],
      anchor: lines[p.line]!.container,
      fields: [
        'name',
        ...(title ? ['title'] : []),
        ...(emails.length ? ['email'] : []),
        ...(phones.length ? ['phone'] : []),
        ...(profiles.length ? ['profile'] : []),
      ],
    });
  }
  findings.push(...peopleInSentences(lines, names, ctx));
  return findings;
}

/** The page's one switchboard number outside every person's block, if it has exactly one. */
function mainNumber(lines: PageLine[], people: Person[], ctx: ScanContext): string | undefined {
  const covered = new Set<number>();
  for (const p of people) for (let i = p.first; i <= p.last; i++) covered.add(i);
  const numbers = new Set<string>();
  lines.forEach((line, i) => {
    if (covered.has(i)) return;
    for (const phone of phonesInLine(line.text, ctx.region, false).phones) numbers.add(phone);
    for (const tel of linkValues(line.links, ctx.base).phones) {
      const value = phoneValue(decodeSafe(tel), ctx.region);
      if (value) numbers.add(value);
    }
  });
  const [only] = numbers;
  return numbers.size === 1 && /^\+\d+$/.test(only!) ? only : undefined;
}

/** Two or three capitalised words: a candidate name inside a sentence. */
const NAME_RUN =
  /(?<![\p{L}])\p{Lu}[\p{Ll}'’-]+(?:\s+(?:\p{Lu}\.|\p{Lu}[\p{Ll}'’-]+|van|von|de|der|da|di|del)){1,3}/gu;

/**
 * "For billing questions, please contact Ann Porter at (303) 555-0147": a person named in running
 * text beside an address or a number. Only names that start with a known given name count here:
 * a sentence holds many capitalised words.
 */
function peopleInSentences(lines: PageLine[], names: Set<number>, ctx: ScanContext): Finding[] {
  const out: Finding[] = [];
  lines.forEach((line, i) => {
    if (names.has(i) || line.text.length < 40) return;
    const links = linkValues(line.links, ctx.base);
    // What a segment below needs to yield anything: an address or a phone-shaped run in the line.
    const text = line.text;
    const hasSignal =
      links.emails.length ||
      links.phones.length ||
      text.includes('@') ||
      (/\d{3}/.test(text) && (DIGIT_RUN.test(text) || AT_MARKER.test(text) || SPELLED_MARKER.test(text)));
    if (!hasSignal || !ctx.visibility.visible(line.container)) return;
    const found: { name: string; index: number; end: number }[] = [];
    for (const m of line.text.matchAll(NAME_RUN)) {
      // "Call Michelle Young": the name starts at the first given name of the run.
      const words = m[0].split(/\s+/);
      const start = words.findIndex((w) => isGivenName(w));
      if (start < 0 || words.length - start < 2) continue;
      const text = words.slice(start).join(' ');
      const parts = nameParts(text);
      const index = m.index + m[0].indexOf(text);
      if (parts) found.push({ name: parts.name, index, end: index + text.length });
    }
    found.forEach((f, k) => {
      const end = found[k + 1]?.index ?? line.text.length;
      const segment = line.text.slice(f.index, end);
      const emails = findEmailsInText(segment).map((m) => m.email.display);
      const phones = phonesInLine(segment, ctx.region, false).phones;
      if (found.length === 1) {
        emails.push(...links.emails);
        for (const tel of links.phones) {
          const value = phoneValue(decodeSafe(tel), ctx.region);
          if (value) phones.push(value);
        }
      }
      if (!emails.length && !phones.length) return;
      const title = sentenceTitle(line.text, f.index, f.end);
      out.push({
        detector: 'text',
        strength: STRENGTH.text,
        confidence: 0.8,
        name: f.name,
        title,
        emails: [...new Set(emails)],
        phones: [...new Set(phones)],
        profiles: [],
        anchor: line.container,
        fields: [
          'name',
          ...(title ? ['title'] : []),
          ...(emails.length ? ['email'] : []),
          ...(phones.length ? ['phone'] : []),
        ],
      });
    });
  });
  return out;
}

/** "our events manager Maria Lopez", "Michelle Young, our insurance coordinator,". */
const OUR = String.raw`(?:our|my|unsere?[rn]?|notre|nos|nuestr[oa]s?|il nostro|la nostra|onze)`;
const TITLE_BEFORE = new RegExp(String.raw`\b${OUR}\s+([\p{L}][\p{L}\s&-]{2,50}?),?\s*$`, 'iu');
const TITLE_AFTER = new RegExp(String.raw`^,\s*${OUR}\s+([\p{L}][\p{L}\s&-]{2,50}?)\s*(?:[,.;]|$)`, 'iu');

/** A title that running text gives a person, when it is a job title. */
function sentenceTitle(text: string, start: number, end: number): string | undefined {
  const before = TITLE_BEFORE.exec(text.slice(Math.max(0, start - 60), start))?.[1];
  const after = TITLE_AFTER.exec(text.slice(end, end + 60))?.[1];
  return [after, before].find((t) => t && jobTitleScore(t) > 0)?.trim();
}
