import { registrableDomain } from '../contacts/email';
import { cleanText } from '../text/clean';
import { pageOrganizations } from './sources/schema-org';
import { cleanTextContent } from './dom';

export interface PageCompany {
  name: string;
  domain?: string;
}

const LEGAL_FORM = String.raw`(?:GmbH(?: & Co\.? KG)?|AG|KG|OHG|UG(?: \(haftungsbeschränkt\))?|GbR|SE|e\.\s?V\.|mbH|Inc\.?|Incorporated|Ltd\.?|Limited|LLC|L\.L\.C\.|LLP|PLC|plc|Pty Ltd|S\.A\.S?\.?|SAS|SARL|S\.à r\.l\.|S\.L\.|S\.r\.l\.|S\.p\.A\.|B\.V\.|N\.V\.|Corp\.?|Corporation|Co\.)`;
/** Up to six capitalised words (or "&", "und") ending in a legal form: "Müller & Söhne GmbH". */
const NAME_WITH_SUFFIX = new RegExp(
  String.raw`((?:(?:\p{Lu}[\p{L}\d&'’.-]*|&|und|and|y|et)\s+){0,5}[\p{Lu}\d][\p{L}\d&'’.-]*,?\s+${LEGAL_FORM})(?=$|[\s,.)])`,
  'u',
);
const COPYRIGHT =
  /(?:©|\(c\)|copyright)\s*(?:\d{4}(?:\s*[-–]\s*\d{4})?)?\s*,?\s*([^|·•\n]{2,80}?)(?:\.\s|\s*[|·•]|\s+all rights|\s+alle rechte|\s+tous droits|\s*$)/iu;
/** Whether a text holds a legal form at all: a cheap test before NAME_WITH_SUFFIX's search. */
const ANY_LEGAL_FORM = new RegExp(LEGAL_FORM);
const TITLE_SEPARATOR = /\s+[|–—·•-]\s+/;

/** "Acme Inc." of a text: the longest run of capitalised words ending in a legal form. */
export function legalName(text: string): string | undefined {
  const m = NAME_WITH_SUFFIX.exec(text);
  return m ? cleanText(m[1], 120).replace(/,$/, '') : undefined;
}

/**
 * The organisation the page speaks for, strongest first: JSON-LD and microdata Organization,
 * `og:site_name`, the legal name of an imprint ("Impressum"), the copyright line, the title's
 * suffix ("Our Team | Acme Inc."). A page's people work there unless their own line says otherwise.
 */
export function pageCompanies(doc: Document, url?: string): PageCompany[] {
  let domain: string | undefined;
  try {
    domain = url ? registrableDomain(new URL(url).hostname) : undefined;
  } catch {
    domain = undefined;
  }
  const out: PageCompany[] = [...pageOrganizations(doc)];
  for (const el of doc.querySelectorAll(
    '[itemtype*="schema.org/Organization" i], [itemtype*="schema.org/Corporation" i], [itemtype*="schema.org/LocalBusiness" i]',
  )) {
    const name = el.querySelector('[itemprop="name"]');
    const text = cleanText(name?.getAttribute('content') ?? name?.textContent, 120);
    if (text && !el.closest('[itemprop="worksFor"], [itemprop="affiliation"]'))
      out.push({ name: text, domain });
  }
  const site = cleanText(doc.querySelector('meta[property="og:site_name"]')?.getAttribute('content'), 120);
  if (site) out.push({ name: site, domain });
  const body = doc.body;
  if (body) {
    // An imprint names the legal entity near its heading; a footer carries the copyright.
    const imprint = [...body.querySelectorAll('h1, h2, h3')].find((h) =>
      /^(?:impressum|imprint|legal notice|mentions légales|aviso legal|colophon)\b/i.test(
        cleanText(h.textContent, 60),
      ),
    );
    if (imprint) {
      let text = '';
      for (let el = imprint.nextElementSibling; el && text.length < 600; el = el.nextElementSibling)
        text += ` ${el.textContent ?? ''}`;
      const name = legalName(text);
      if (name) out.push({ name, domain });
    }
    const footer = body.querySelector('footer, [role="contentinfo"], #footer, .footer') ?? body;
    const copyright = COPYRIGHT.exec(cleanTextContent(footer, 5_000).slice(-2_000));
    const owner = copyright?.[1]?.trim().replace(/[.,]$/, '');
    if (owner && /\p{Lu}/u.test(owner) && owner.split(/\s+/).length <= 6)
      out.push({ name: legalName(owner) ?? owner, domain });
  }
  // A line that is only a legal name ("Alpenblick Software GmbH", "Hartwell & Price LLP, 21 Queen
  // Square"): the page's letterhead or address block.
  const named = body && firstLegalNameLine(body);
  if (named) out.push({ name: named, domain });
  const title = cleanText(doc.title, 200).split(TITLE_SEPARATOR);
  if (title.length > 1) {
    const last = title.at(-1)!;
    if (last.split(/\s+/).length <= 5) out.push({ name: last, domain });
  }
  return out;
}

/** The first text that starts with a legal name, among the page's first text nodes. */
function firstLegalNameLine(body: Element): string | undefined {
  const walker = body.ownerDocument.createTreeWalker(body, 4 /* SHOW_TEXT */);
  let seen = 0;
  for (let node = walker.nextNode(); node && seen < 2_000; node = walker.nextNode(), seen++) {
    const text = cleanText(node.nodeValue, 200);
    if (text.length < 4 || /^(?:©|\(c\)|copyright)/i.test(text) || !ANY_LEGAL_FORM.test(text)) continue;
    const parent = node.parentElement;
    if (parent?.closest('script, style, template, a, nav')) continue;
    const name = legalName(text.split(/\s*[,·|•]\s*/)[0]!);
    if (name && text.startsWith(name)) return name;
  }
  return undefined;
}
