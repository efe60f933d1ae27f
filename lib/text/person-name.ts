import { isGivenName } from '../data/given-names';
import { isTitleWord } from './job-title';

/** Name particles: lower case inside a name (Ludwig van Beethoven, Ana de la Cruz). */
export const PARTICLES: ReadonlySet<string> = new Set([
  'von',
  'van',
  'vom',
  'de',
  'der',
  'den',
  'da',
  'di',
  'du',
  'del',
  'della',
  'des',
  'le',
  'la',
  'zu',
  'bin',
  'al',
  'ter',
  'ten',
  'y',
  'e',
  'dos',
  'das',
  'do',
]);

/**
 * Words that never stand in a person's name: navigation, calls to action, headings, opening
 * hours, addresses, organisation words (en, de, fr, es, it, nl, pt). Job-title words join them
 * through `isTitleWord` ("Town Clerk" is a post, not a person).
 */
const STOP = new Set(
  `us our we you your my the a an and or of for with to in on at by from about all any new more read learn view see
  get find join meet contact contacts connect subscribe today now here home page menu search login log sign share
  follow click download apply submit send call email mail phone fax address map directions hours office offices
  opening open closed team teams people staff directory leadership management board members member about news blog
  events event jobs job careers career links link useful quick resources services service products product solutions
  support help faq privacy policy terms cookie cookies legal imprint notice sitemap church fellowship ministries parish medicine medical dental health healthcare
  clinic realty properties property analytics labs lab studio studios creative software systems technologies logistics
  physio fitness consulting consultants law lawyers pharmacy hotel restaurant cafe kitchen bakery outfitters supply
  tiles freight energy landscapes architects accountants trust fund capital ventures agency copyright rights reserved welcome
  overview history mission values company companies group holdings inc llc ltd llp plc gmbh ag kg co corp
  corporation limited partners associates foundation university college school hospital clinic bank insurance
  department division unit committee council city county town village state street st road rd avenue ave boulevard
  blvd drive ln suite floor building plaza ct highway hwy center
  centre central main monday tuesday wednesday thursday friday saturday sunday mon tue wed thu fri sat sun january
  february march july august september october november december am pm holiday holidays weekend
  free trial demo pricing shop store cart checkout account accounts portal online digital global
  international national regional local sales marketing press media customer customers client clients partner
  partners community communities investors investor relations
  hi hello hey dear thanks thank regards best cheers sincerely greetings hallo liebe lieber sehr geehrte geehrter
  bonjour salut cher chère hola estimado estimada querido querida ciao gentile caro cara beste grüße gruß
  bio bios biography full profile details vcard
  uns unser unsere ihr ihre wir und der die das für mit zum zur im kontakt kontaktieren impressum datenschutz über
  öffnungszeiten anfahrt straße str weg platz gasse allee ansprechpartner mitarbeiter mitarbeitende karriere
  stellenangebote leistungen produkte aktuelles startseite standort standorte geschäftsleitung vorstand verwaltung
  nous notre nos équipe contactez accueil mentions légales rue chemin horaires société entreprise
  nosotros nuestro nuestra nuestros equipo contacto contáctenos inicio calle avenida horario empresa quiénes somos
  chi siamo chisiamo contatti contattaci squadra via orari azienda
  ons onze neem wie zijn straat openingstijden bedrijf
  sobre nós equipa equipe contato rua empresa`
    .split(/\s+/)
    .filter(Boolean),
);

const HONORIFIC =
  /^(?:dr|med|rer|nat|dent|vet|phil|jur|oec|habil|h\.c|prof|mr|mrs|ms|mx|miss|sir|dame|rev|hon|mag|ing|dipl\.-\S+|herr|frau|mme|mlle|m|sr|sra|srta|dott|dott\.ssa|ing|avv|arch|dhr|mevr|drs|ir|mr\.?)\.?$/i;
const POST_NOMINAL =
  /^(?:jr|sr|ii|iii|iv|phd|ph\.d|md|m\.d|mba|cpa|cfa|cfp|cmc|esq|pe|p\.e|rn|dds|dvm|jd|j\.d|llm|ll\.m|msc|m\.sc|bsc|b\.sc|ma|m\.a|ba|b\.a|mph|faia|aia|leed ap|sphr|phr|pmp|cpp|cissp|qc|kc|obe|mbe|cbe|frcs|mrcs|acca|aca|fca|dipl\.?-ing|mba|llb|ll\.b)\.?$/i;

/** A name as written, split into what it is made of. */
export interface NameParts {
  /** The name without honorifics and post-nominals: "Jane Miller" of "Dr. Jane Miller, CMC". */
  name: string;
  honorific: boolean;
  postNominal: boolean;
  givenName: boolean;
  tokens: string[];
}

const NAME_TOKEN = /^(?:\p{Lu}|\p{Lo})[\p{L}\p{M}'’-]*\.?$/u;
const INITIAL = /^\p{Lu}\.$/u;

/** Reads "Dr. Jane Q. Miller, CMC" as name parts; undefined when its shape is not a name's. */
export function nameParts(text: string): NameParts | undefined {
  let raw = text.replace(/[®™]/g, '').replace(/\s+/g, ' ').trim();
  if (raw.length < 3 || raw.length > 70) return undefined;
  if (/[\d@:/|<>{}[\]=_#%&*+!?;"“”]/.test(raw)) return undefined;
  let postNominal = false;
  // "Jane Miller, CMC", "Jane Miller, PhD, MBA", "Jane Miller Jr."
  const comma = raw.split(/\s*,\s*/);
  if (comma.length > 1) {
    const tail = comma.slice(1);
    const caps = raw === raw.toUpperCase();
    const post = (w: string) => POST_NOMINAL.test(w) || (!caps && /^\p{Lu}[\p{Lu}.-]{1,7}$/u.test(w));
    if (!tail.every((p) => p.split(' ').every(post))) return undefined;
    postNominal = true;
    raw = comma[0]!;
  }
  let words = raw.split(' ');
  const allCaps = raw === raw.toUpperCase();
  const isPostNominal = (w: string) =>
    POST_NOMINAL.test(w) || (!allCaps && /^\p{Lu}[\p{Lu}.-]{1,7}$/u.test(w));
  while (words.length > 2 && isPostNominal(words.at(-1)!)) {
    words = words.slice(0, -1);
    postNominal = true;
  }
  let honorific = false;
  while (words.length > 2 && HONORIFIC.test(words[0]!)) {
    words = words.slice(1);
    honorific = true;
  }
  if (words.length < 2 || words.length > 5) return undefined;
  const upper = allCaps;
  let capitalised = 0;
  for (const word of words) {
    const lower = word.toLocaleLowerCase();
    if (PARTICLES.has(lower) && word === lower) continue;
    if (STOP.has(lower.replace(/\.$/, '')) || isTitleWord(lower)) return undefined;
    if (!NAME_TOKEN.test(word)) return undefined;
    // Only an initial may end with a dot: "Jane Q. Miller", never "Acme Co."
    if (word.endsWith('.') && !INITIAL.test(word)) return undefined;
    if (!upper && word.length > 3 && word.slice(1) === word.slice(1).toUpperCase() && !word.includes('-'))
      return undefined;
    capitalised++;
  }
  if (capitalised < 2) return undefined;
  const first = words.find((w) => !INITIAL.test(w)) ?? '';
  const givenName = isGivenName(first) || first.split('-').every((p) => isGivenName(p));
  return { name: words.join(' '), honorific, postNominal, givenName, tokens: words };
}

/**
 * How much a text reads as a person's name, 0 to 1: shape alone gives 0.5, a known given name
 * 0.85, an honorific or post-nominal adds to that; navigation, headings, places and
 * organisation words give 0.
 */
export function personNameScore(text: string): number {
  const parts = nameParts(text);
  return parts ? nameScore(parts) : 0;
}

/** `personNameScore` of a text already read by `nameParts`. */
export function nameScore(parts: NameParts): number {
  let score = parts.givenName ? 0.85 : 0.5;
  if (parts.honorific) score += 0.1;
  if (parts.postNominal) score += 0.05;
  if (parts.tokens.length > 4) score -= 0.2;
  return Math.min(1, score);
}

/** Looks like a person's name: 2–5 capitalised words, no digits, symbols or stop words. */
export function looksLikePersonName(text: string): boolean {
  return personNameScore(text) >= 0.5;
}
