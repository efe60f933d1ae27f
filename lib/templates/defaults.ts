import type { Locale, StepId } from '../pipeline/steps';
import { TEMPLATE_LOCALES } from './locales';
import type { QuestionSet, Template, TemplateKind, TemplateLibrary } from './schema';

interface DefaultText {
  step: StepId;
  name: Record<Locale, string>;
  body: Record<Locale, string>;
}

/**
 * The built-in templates, one per kind and language, written for the steps of the pipeline
 * (shared/seed/vertriebspipeline.de.txt): outreach, needs assessment (questionnaire, scope of
 * work, examples), fulfilment (proposal, evaluation, negotiation, order and payment) and
 * account maintenance (check-in, referral).
 */
const TEXTS: Record<TemplateKind, DefaultText> = {
  introduction: {
    step: 'initiate',
    name: { en: 'Introduction', de: 'Erstkontakt' },
    body: {
      en: 'Hello {firstName},\n\nI am reaching out because teams like {company} often tell us about the same challenges we help with. Would you have 20 minutes in the coming days to see whether this is relevant for you?\n\nBest regards',
      de: 'Guten Tag {firstName},\n\nich melde mich, weil Teams wie {company} uns oft von genau den Herausforderungen berichten, bei denen wir helfen. Hätten Sie in den nächsten Tagen 20 Minuten, um zu prüfen, ob das für Sie relevant ist?\n\nViele Grüße',
    },
  },
  questionnaire: {
    step: 'discover',
    name: { en: 'Needs questionnaire', de: 'Fragebogen zum Bedarf' },
    body: {
      en: 'Hello {firstName},\n\nthank you for your time. So that our proposal fits {company}, could you answer a few questions? A short line under each question is enough.\n\n{questions}\n\nBest regards',
      de: 'Guten Tag {firstName},\n\nvielen Dank für Ihre Zeit. Damit unser Angebot zu {company} passt, beantworten Sie bitte ein paar Fragen. Eine kurze Zeile unter jeder Frage genügt.\n\n{questions}\n\nViele Grüße',
    },
  },
  'scope-summary': {
    step: 'scope',
    name: { en: 'Scope summary', de: 'Zusammenfassung des Umfangs' },
    body: {
      en: 'Hello {firstName},\n\nhere is the scope of work as I understood it:\n\n{needs}\n\nDoes this match what {company} needs? If anything is missing or different, please tell me; once we agree, I will prepare the proposal.\n\nBest regards',
      de: 'Guten Tag {firstName},\n\nhier der Arbeitsumfang, wie ich ihn verstanden habe:\n\n{needs}\n\nEntspricht das dem Bedarf von {company}? Wenn etwas fehlt oder anders ist, sagen Sie es mir bitte; sobald wir uns einig sind, bereite ich das Angebot vor.\n\nViele Grüße',
    },
  },
  examples: {
    step: 'scope',
    name: { en: 'Examples and case studies', de: 'Beispiele und Referenzen' },
    body: {
      en: 'Hello {firstName},\n\nas promised, a few examples of projects similar to what {company} is planning. They show how other customers solved:\n\n{needs}\n\nShall we go through them together in a short call?\n\nBest regards',
      de: 'Guten Tag {firstName},\n\nwie versprochen einige Beispiele von Projekten, die dem Vorhaben von {company} ähneln. Sie zeigen, wie andere Kunden Folgendes gelöst haben:\n\n{needs}\n\nSollen wir sie in einem kurzen Gespräch gemeinsam durchgehen?\n\nViele Grüße',
    },
  },
  'proposal-cover': {
    step: 'propose',
    name: { en: 'Proposal cover', de: 'Anschreiben zum Angebot' },
    body: {
      en: 'Hello {firstName},\n\nplease find our proposal for {company} attached. It covers the needs we agreed on:\n\n{needs}\n\nThe total is {proposalValue}. I am happy to walk you through it.\n\nBest regards',
      de: 'Guten Tag {firstName},\n\nanbei unser Angebot für {company}. Es deckt den vereinbarten Bedarf ab:\n\n{needs}\n\nDer Gesamtbetrag beläuft sich auf {proposalValue}. Gern gehe ich es mit Ihnen durch.\n\nViele Grüße',
    },
  },
  'evaluation-follow-up': {
    step: 'evaluate',
    name: { en: 'Evaluation follow-up', de: 'Nachfassen zur Bewertung' },
    body: {
      en: 'Hello {firstName},\n\nhave you had a chance to look at our proposal ({proposalValue})? I would like to hear your feedback and any questions from your team.\n\nBest regards',
      de: 'Guten Tag {firstName},\n\nkonnten Sie sich unser Angebot ({proposalValue}) schon ansehen? Ihre Rückmeldung und die Fragen Ihres Teams interessieren mich sehr.\n\nViele Grüße',
    },
  },
  negotiation: {
    step: 'negotiate',
    name: { en: 'Negotiation', de: 'Verhandlung' },
    body: {
      en: 'Hello {firstName},\n\nthank you for your feedback. To reach an agreement, this is what I can offer {company}:\n\n- \n\nNext step: {nextStep}\n\nBest regards',
      de: 'Guten Tag {firstName},\n\nvielen Dank für Ihre Rückmeldung. Um zu einer Einigung zu kommen, kann ich {company} Folgendes anbieten:\n\n- \n\nNächster Schritt: {nextStep}\n\nViele Grüße',
    },
  },
  'order-confirmation': {
    step: 'order',
    name: { en: 'Order confirmation and payment', de: 'Auftragsbestätigung und Zahlung' },
    body: {
      en: 'Hello {firstName},\n\nthank you for your order. This confirms our agreement over {proposalValue}. You will receive the invoice separately; payment is due within the agreed terms.\n\nBest regards',
      de: 'Guten Tag {firstName},\n\nvielen Dank für Ihren Auftrag. Hiermit bestätigen wir unsere Vereinbarung über {proposalValue}. Die Rechnung erhalten Sie gesondert; die Zahlung ist zu den vereinbarten Bedingungen fällig.\n\nViele Grüße',
    },
  },
  'check-in': {
    step: 'monitor',
    name: { en: 'Check-in', de: 'Nachfrage' },
    body: {
      en: 'Hello {firstName},\n\nhow is everything going at {company} since we started? Is there anything we could do better?\n\nBest regards',
      de: 'Guten Tag {firstName},\n\nwie läuft es bei {company}, seit wir zusammenarbeiten? Gibt es etwas, das wir besser machen können?\n\nViele Grüße',
    },
  },
  'referral-ask': {
    step: 'nurture',
    name: { en: 'Referral ask', de: 'Bitte um Empfehlung' },
    body: {
      en: 'Hello {firstName},\n\nI am glad our work is helping {company}. Do you know someone who faces similar challenges and would benefit from a conversation? An introduction would mean a lot to me.\n\nBest regards',
      de: 'Guten Tag {firstName},\n\nes freut mich, dass unsere Zusammenarbeit {company} weiterhilft. Kennen Sie jemanden mit ähnlichen Herausforderungen, dem ein Gespräch nützen würde? Über eine Empfehlung würde ich mich sehr freuen.\n\nViele Grüße',
    },
  },
};

export const DEFAULT_TEMPLATES: readonly Template[] = (Object.keys(TEXTS) as TemplateKind[]).flatMap((kind) =>
  TEMPLATE_LOCALES.map((locale) => ({
    id: `default.${kind}.${locale}`,
    kind,
    step: TEXTS[kind].step,
    locale,
    name: TEXTS[kind].name[locale],
    body: TEXTS[kind].body[locale],
  })),
);

/** The default B2B needs questionnaire. */
export const DEFAULT_QUESTION_SETS: readonly QuestionSet[] = [
  {
    id: 'default.b2b.en',
    locale: 'en',
    name: 'B2B needs',
    questions: [
      'How do you handle this today (current situation)?',
      'What is the main problem you want to solve?',
      'What does the problem cost you or affect (impact)?',
      'Who is involved in the decision?',
      'What budget have you planned?',
      'By when do you need a solution (timeline)?',
      'What must the solution do for you?',
      'Is there anything else that matters to you that we have not asked about?',
    ],
  },
  {
    id: 'default.b2b.de',
    locale: 'de',
    name: 'B2B-Bedarf',
    questions: [
      'Wie lösen Sie das heute (aktuelle Situation)?',
      'Welches Problem möchten Sie vor allem lösen?',
      'Was kostet Sie das Problem oder worauf wirkt es sich aus?',
      'Wer ist an der Entscheidung beteiligt?',
      'Welches Budget haben Sie eingeplant?',
      'Bis wann brauchen Sie eine Lösung (Zeitplan)?',
      'Was muss die Lösung für Sie leisten?',
      'Gibt es etwas, das Ihnen wichtig ist und nach dem wir nicht gefragt haben?',
    ],
  },
];

export const defaultLibrary = (): TemplateLibrary => ({
  templates: DEFAULT_TEMPLATES.map((t) => ({ ...t })),
  questionSets: DEFAULT_QUESTION_SETS.map((q) => ({ ...q, questions: [...q.questions] })),
});
