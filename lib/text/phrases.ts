import { greetings, legalFooterPhrases, valedictions } from '../data';

/**
 * Closings, greetings and legal-footer phrases of many languages (the lists live in `lib/data`),
 * matched on whole words so "Best" never matches "Bestellung".
 */
const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const alternation = (list: readonly string[]) =>
  [...list]
    .sort((a, b) => b.length - a.length)
    .map((p) => escape(p).replace(/ /g, '\\s+'))
    .join('|');
const WORD_END = String.raw`(?![\p{L}\p{N}-])`;

/**
 * The patterns, built on first use: the lists are long and a bundle that never matches a phrase
 * (the page's content script) then carries neither them nor the lists.
 */
let built: { valedictionOnly: RegExp; valedictionName: RegExp; greeting: RegExp; legal: RegExp } | undefined;
const patterns = () =>
  (built ??= {
    valedictionOnly: new RegExp(`^(?:${alternation(valedictions)})[\\s,.!…]*$`, 'iu'),
    /** "Cheers, Ann" / "Viele Grüße, Jana Schubert" / "Abraços — Rui": a closing and a name on one line. */
    valedictionName: new RegExp(
      `^(?:${alternation(valedictions.filter((v) => /\p{L}/u.test(v)))})\\s*[,–—-]\\s+(\\S.{0,58})$`,
      'iu',
    ),
    greeting: new RegExp(`^(?:${alternation(greetings)})${WORD_END}`, 'iu'),
    legal: new RegExp(`(?<![\\p{L}\\p{N}])(?:${alternation(legalFooterPhrases)})${WORD_END}`, 'iu'),
  });

/** The line is a closing ("Best regards,", "Atenciosamente", "--"); `name` when one follows it. */
export function valediction(line: string): { name?: string } | undefined {
  const text = line.trim();
  if (patterns().valedictionOnly.test(text) || /^(?:--|—|_{2,}|-{3,})\s*$/.test(text)) return {};
  const m = patterns().valedictionName.exec(text);
  return m ? { name: m[1]!.trim().replace(/[,.!]+$/, '') } : undefined;
}

/** "Hi Sam,", "Olá Sam,", "Bonjour,", "Sehr geehrte Frau Rep," — an opening, never a title. */
export function isGreeting(line: string): boolean {
  const text = line.trim();
  if (!patterns().greeting.test(text) || valediction(text)) return false;
  const words = text.split(/\s+/).length;
  return words <= 3 || (words <= 8 && /[,!:]$/.test(text));
}

/** A line of a legal footer or disclaimer ("Registergericht", "Sitz der Gesellschaft", "confidential"). */
export function isLegalFooter(line: string): boolean {
  return patterns().legal.test(line);
}
