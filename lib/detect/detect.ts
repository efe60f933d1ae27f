import { createVisibility } from './dom';
import { guessRegion } from './region';
import { mergeFindings } from './merge';
import { fromJsonLd, fromMicrodata, pageOrganizations } from './sources/schema-org';
import { fromMicroformats } from './sources/microformats';
import { fromProfileMeta } from './sources/profile-page';
import { fromPage } from './sources/page-anchors';
import type { Region } from '../contacts/phone';
import type { DetectedContact, Finding } from './types';

export interface DetectOptions {
  /** The page's address: resolves relative links and hints the phone region. */
  url?: string;
  /** In a browser, hidden elements are found by layout (checkVisibility); elsewhere by markup. */
  useLayout?: boolean;
  region?: Region;
  /** The page's own organisations (read once per page), naming companies of card contacts. */
  organizations?: { name: string; domain?: string }[];
}

/** Every contact in a document or element, merged across sources (DESIGN.md section 4). */
export function detectContacts(root: Document | Element, options: DetectOptions = {}): DetectedContact[] {
  const doc = root.nodeType === 9 ? (root as Document) : root.ownerDocument!;
  const region =
    options.region ?? guessRegion(options.url, doc.documentElement?.getAttribute('lang') ?? undefined);
  const ctx = { base: options.url, region, visibility: createVisibility(options.useLayout ?? false) };
  const scope = root.nodeType === 9 ? (root as Document) : (root as Element);
  const findings: Finding[] = [
    ...(root.nodeType === 9 ? fromJsonLd(scope) : []),
    ...fromMicrodata(scope),
    ...fromMicroformats(scope, options.url),
    ...(root.nodeType === 9 ? fromProfileMeta(scope) : []),
    ...fromPage(
      root.nodeType === 9
        ? ((root as Document).body ?? (root as Document).documentElement)
        : (root as Element),
      ctx,
    ),
  ];
  return mergeFindings(
    findings,
    region,
    options.organizations ?? (root.nodeType === 9 ? pageOrganizations(scope) : []),
  );
}

/** The sources that describe the whole page (JSON-LD, Open Graph): cheap, read once. */
export function detectPageLevel(doc: Document, options: DetectOptions = {}): DetectedContact[] {
  const region =
    options.region ?? guessRegion(options.url, doc.documentElement?.getAttribute('lang') ?? undefined);
  return mergeFindings([...fromJsonLd(doc), ...fromProfileMeta(doc)], region, pageOrganizations(doc));
}
