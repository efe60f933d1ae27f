/**
 * Is a text a job title? Function and seniority words in en, de, fr, es, pt, it, nl, sv, da/no, pl; a title holds
 * at least one role word ("Clerk", "Leiterin", "Directeur") and is never a sentence, a place or
 * a heading.
 */

/** Words that name a role on their own. */
const ROLES = new Set(
  `ceo cfo coo cto cio cmo cro cpo cso cdo chro ciso evp svp avp vp gm md chief officer president vice director
  manager head lead leader principal partner founder cofounder co-founder owner proprietor chair chairman chairwoman
  chairperson executive secretary treasurer clerk administrator coordinator specialist assistant associate analyst
  engineer developer designer architect consultant advisor adviser counsel attorney lawyer solicitor barrister
  paralegal accountant bookkeeper controller comptroller auditor representative agent broker realtor recruiter
  supervisor superintendent foreman technician scientist researcher professor lecturer teacher instructor editor
  writer reporter journalist producer strategist planner buyer receptionist nurse physician dentist hygienist
  therapist pharmacist veterinarian librarian curator mayor councillor councilor councilmember commissioner trustee
  deputy intern apprentice estimator surveyor inspector dispatcher operator mechanic electrician installer officer
  ambassador evangelist advocate steward marshal registrar bursar provost principal headteacher pastor
  superintendent underwriter adjuster banker trader economist actuary psychologist counselor counsellor coach
  trainer speaker keynote panelist panellist moderator presenter host author intervenant ponente relatore
  disponent disponentin enólogo enóloga enologo enologa oenologue sommelier winemaker physician physiotherapist
  scheduler expeditor student trainee werkstudent werkstudentin praktikant praktikantin auszubildender
  auszubildende azubi volontär volontärin stagiaire becario becaria estagiário estagiária tirocinante stagiair
  scheduler expeditor liaison spokesperson spokesman spokeswoman manager-in-charge
  geschäftsführer geschäftsführerin geschäftsführung inhaber inhaberin gründer gründerin vorstand vorständin
  vorstandsvorsitzender vorstandsvorsitzende vorsitzender vorsitzende prokurist prokuristin leiter leiterin leitung
  referent referentin sachbearbeiter sachbearbeiterin assistent assistentin berater beraterin ingenieur ingenieurin
  entwickler entwicklerin direktor direktorin sprecher sprecherin techniker technikerin sekretärin sekretär koordinator koordinatorin spezialist spezialistin partnerin managerin
  justiziar justiziarin steuerberater steuerberaterin rechtsanwalt rechtsanwältin
  directeur directrice président présidente gérant gérante responsable chef chargé chargée assistante ingénieur
  conseiller conseillère associé associée fondateur fondatrice comptable secrétaire avocat avocate adjoint adjointe
  pdg dg délégué déléguée
  directora gerente jefe jefa presidenta coordinador coordinadora asistente ingeniero ingeniera consultor
  consultora socio socia fundador fundadora abogado abogada contador contadora secretario secretaria ejecutivo
  ejecutiva encargado encargada
  diretor diretora coordenador coordenadora engenheiro engenheira sócio sócia advogado advogada gestor gestora
  direttore direttrice responsabile amministratore delegato fondatore fondatrice ingegnere consulente avvocato
  titolare segretario segretaria
  bestuurder eigenaar oprichter medewerker medewerkster adviseur hoofd voorzitter directielid
  vd chef säljare inköpare ansvarig direktör grundare ägare konsult ingenjör projektledare handläggare
  direktør adm administrerende leder sælger indkøber ansvarlig ingeniør ejer stifter indehaver konsulent
  acheteur acheteuse commercial commerciale vendeur vendeuse einkäufer einkäuferin verkäufer verkäuferin
  kierownik kierowniczka dyrektor dyrektorka prezes prezeska menedżer menedżerka specjalista specjalistka
  konsultant konsultantka handlowiec koordynator koordynatorka asystent asystentka inżynier księgowa księgowy
  właściciel właścicielka założyciel założycielka przedstawiciel przedstawicielka pełnomocnik`
    .split(/\s+/)
    .filter(Boolean),
);

/** Words that qualify a role: seniority and areas. Part of titles, never a title alone. */
const QUALIFIERS = new Set(
  `senior junior sr jr staff general managing regional national global district area project product program
  programme office branch executive interim acting deputy assistant associate corporate group business development
  sales marketing finance financial operations operating technology technical information human resources hr
  procurement purchasing legal compliance communications public relations customer success account accounts
  engineering research data digital strategy strategic creative brand content support service services quality
  risk security supply chain logistics production manufacturing commercial investor revenue growth partnerships
  talent people innovation administration administrative town city county board
  vertrieb einkauf personal buchhaltung verwaltung technik produktion logistik europa international
  ventes achats ventas compras vendas vendite acquisti verkoop inkoop`
    .split(/\s+/)
    .filter(Boolean),
);

/** German compounds: "Vertriebsleiterin", "Projektreferent", "Datenschutzbeauftragter". */
const GERMAN_ROLE_SUFFIX =
  /\p{L}{3,}(?:leiter(?:in)?|führer(?:in)?|referent(?:in)?|berater(?:in)?|manager(?:in)?|assistent(?:in)?|ingenieur(?:in)?|beauftragter?|direktor(?:in)?|sprecher(?:in)?|sachbearbeiter(?:in)?|koordinator(?:in)?|spezialist(?:in)?|entwickler(?:in)?|techniker(?:in)?|kauf(?:mann|frau)|meister(?:in)?|wart(?:in)?|arzt|ärztin|anwalt|anwältin|angestellter?|führerin|vorstand|vorsitzender?|partner(?:in)?)$/u;

/** Words of sentences: a title does not say what someone is or does. */
const SENTENCE =
  /(?<!\p{L})(?:is|are|was|were|has|have|had|will|would|can|joined|joins|leads|brings|serves|works|please|contact|call|email|ist|sind|war|hat|arbeitet|est|sont|es|son|è|sono|é|são)(?!\p{L})/iu;

/** Places that stand in table cells beside titles: US states, provinces, countries. */
const PLACES = new Set(
  `alabama alaska arizona arkansas california colorado connecticut delaware florida georgia hawaii idaho illinois
  indiana iowa kansas kentucky louisiana maine maryland massachusetts michigan minnesota mississippi missouri montana
  nebraska nevada new hampshire new jersey new mexico new york north carolina north dakota ohio oklahoma oregon
  pennsylvania rhode island south carolina south dakota tennessee texas utah vermont virginia washington west
  virginia wisconsin wyoming ontario quebec alberta manitoba saskatchewan nova scotia british columbia queensland
  victoria tasmania new south wales england scotland wales ireland germany deutschland austria österreich
  switzerland schweiz france spain españa italy italia netherlands nederland belgium portugal canada australia
  united states usa us uk united kingdom europe`
    .split(/\s+/)
    .filter(Boolean),
);

function words(text: string): string[] {
  return text
    .toLocaleLowerCase()
    .split(/[\s,/&()–—|+]+/u)
    .map((w) => w.replace(/^[^\p{L}]+|[^\p{L}']+$/gu, ''))
    .filter(Boolean);
}

/** Swedish, Danish and Norwegian compounds: "Inköpschef", "Indkøbschef", "Försäljningsansvarig". */
const NORDIC_ROLE_SUFFIX =
  /\p{L}{3,}(?:chef|ansvarig|ansvarlig|ledare|leder|direktör|direktør|konsult|konsulent|säljare|sælger|ingenjör|ingeniør|handläggare|medarbetare|medarbejder)$/u;

/** English professions by their ending: physiotherapist, hygienist, copywriter, bookkeeper. */
const ENGLISH_ROLE_SUFFIX =
  /\p{L}{3,}(?:therapist|ologist|ician|ist|ator|writer|keeper|master|grapher|smith|wright)$/u;

/** A word that names a role (lower case): "manager", "leiterin", "physiotherapist". */
export function isRole(word: string): boolean {
  word = word.toLocaleLowerCase();
  return (
    ROLES.has(word) ||
    GERMAN_ROLE_SUFFIX.test(word) ||
    NORDIC_ROLE_SUFFIX.test(word) ||
    ENGLISH_ROLE_SUFFIX.test(word) ||
    /^(?:co-)?(?:ceo|founder)$/.test(word)
  );
}

/**
 * A word that belongs to job titles: never part of a person's name. Only whole words of the
 * lexicon: endings ("-ist", "-meister") also end surnames (Lindqvist, Baumeister).
 */
export function isTitleWord(word: string): boolean {
  const w = word.toLocaleLowerCase().replace(/[.,]$/, '');
  return ROLES.has(w) || QUALIFIERS.has(w);
}

export function isPlace(text: string): boolean {
  const t = text.toLocaleLowerCase().replace(/[.,]/g, '').trim();
  return PLACES.has(t) || t.split(/\s+/).every((w) => PLACES.has(w));
}

/**
 * How much a text reads as a job title, 0 to 1: 0 for sentences, places and texts without a
 * role word; higher for short titles with a role and qualifiers.
 */
export function jobTitleScore(text: string, markedAsTitle = false): number {
  const t = text.replace(/\s+/g, ' ').trim();
  if (t.length < 2 || t.length > 120) return 0;
  if (/[@\d]{3,}|https?:|www\./.test(t) || isPlace(t)) return 0;
  const ws = words(t);
  if (!ws.length || ws.length > 12) return 0;
  if (SENTENCE.test(t) || /[.!?]$/.test(t.replace(/\b(?:sr|jr|inc|co|ltd|st)\.$/i, ''))) return 0;
  // The page marks it as a title (class="job-title", itemprop="jobTitle"): a short phrase will do.
  if (markedAsTitle && ws.length <= 8) return 0.8;
  const roles = ws.filter(isRole).length;
  if (!roles) return 0;
  return ws.length <= 8 ? 1 : 0.7;
}

export function looksLikeJobTitle(text: string): boolean {
  return jobTitleScore(text) > 0;
}

/**
 * Lenient, for a line where a title is expected (the line under a name in a signature): a role
 * word makes it a title; otherwise a short phrase is one ("Einkauf", a department) unless it is a
 * sentence, a place, an address or a number, a link or an address.
 */
export function mayBeJobTitle(text: string): boolean {
  if (looksLikeJobTitle(text)) return true;
  const t = text.replace(/\s+/g, ' ').trim();
  if (t.length < 2 || t.length > 60) return false;
  if (/\d|https?:|www\.|@/.test(t) || isPlace(t) || SENTENCE.test(t) || /[.!?]$/.test(t)) return false;
  return words(t).length <= 5;
}
