import { createVisibility, type Visibility } from './dom';
import { guessRegion } from './region';
import { guessPageRegion } from './page-region';
import { pageCompanies, type PageCompany } from './page-company';
import { mergeFindings } from './merge';
import { fromJsonLd, fromMicrodata, PERSON_MICRODATA } from './sources/schema-org';
import { fromMicroformats, PERSON_MICROFORMATS } from './sources/microformats';
import { fromProfileMeta } from './sources/profile-page';
import { fromPage } from './sources/page-anchors';
import { fromPeople } from './sources/people';
import type { Region } from '../contacts/phone';
import type { DetectedContact, Finding } from './types';

export interface DetectOptions {
  /** The page's address: resolves relative links and hints the phone region. */
  url?: string;
  /** In a browser, hidden elements are found by layout (checkVisibility); elsewhere by markup. */
  useLayout?: boolean;
  region?: Region;
  /** The rep's browser locale ("en-GB"): the phone region when the page gives none. */
  browserLocale?: string;
  /** The page's own organisations (read once per page), naming companies of its people. */
  organizations?: PageCompany[];
  /**
   * The visibility answers to share: the scanner gives the chunks of one slice the same (the page
   * does not change within a slice, and chunks share their ancestors).
   */
  visibility?: Visibility;
}

/** What `fromMicrodata` and `fromMicroformats` query: schema.org people, h-cards and vcards. */
const PERSON_MARKUP = `${PERSON_MICRODATA}, ${PERSON_MICROFORMATS}`;

/** What a page says about itself, read once per page: phone region and own organisations. */
export function pageContext(
  doc: Document,
  options: DetectOptions = {},
): Required<Pick<DetectOptions, 'organizations'>> & { region?: Region } {
  return {
    region: options.region ?? guessPageRegion(doc, options.url, options.browserLocale),
    organizations: options.organizations ?? pageCompanies(doc, options.url),
  };
}

/** Every contact in a document or element, merged across sources (DESIGN.md section 4). */
export function detectContacts(root: Document | Element, options: DetectOptions = {}): DetectedContact[] {
  const isDoc = root.nodeType === 9;
  const doc = isDoc ? (root as Document) : root.ownerDocument!;
  // A whole document reads its own signals; a chunk (the scanner's) gets them from the options.
  const page = isDoc
    ? pageContext(doc, options)
    : {
        region:
          options.region ??
          guessRegion(options.url, doc.documentElement?.getAttribute('lang') ?? options.browserLocale),
        organizations: options.organizations ?? [],
      };
  const ctx = {
    base: options.url,
    region: page.region,
    visibility: options.visibility ?? createVisibility(options.useLayout ?? false),
  };
  const scope = isDoc ? (root as Document) : (root as Element);
  const element = isDoc ? (doc.body ?? doc.documentElement) : (root as Element);
  const findings: Finding[] = [
    ...(isDoc ? fromJsonLd(scope) : []),
    // One query tells whether there is any such markup (most chunks hold none): the union of theirs.
    ...(scope.querySelector(PERSON_MARKUP)
      ? [...fromMicrodata(scope), ...fromMicroformats(scope, options.url)]
      : []),
    ...(isDoc ? fromProfileMeta(scope) : []),
    ...fromPage(element, ctx),
    ...fromPeople(element, ctx),
  ];
  return mergeFindings(findings, page.region, page.organizations, options.url);
}

/** The sources that describe the whole page (JSON-LD, Open Graph): cheap, read once. */
export function detectPageLevel(doc: Document, options: DetectOptions = {}): DetectedContact[] {
  const page = pageContext(doc, options);
  return mergeFindings(
    [...fromJsonLd(doc), ...fromProfileMeta(doc)],
    page.region,
    page.organizations,
    options.url,
  );
}
