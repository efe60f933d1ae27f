import { quoteStart } from '../text/quote';
import { valediction } from '../text/phrases';
import { MAX_ANSWER } from '../threads/limits';

/** One answer read from a reply: the question it answers (by index and text) and the answer text. */
export interface ReadAnswer {
  index: number;
  question: string;
  answer: string;
}

const MAX_LINES = 2_000;

interface Line {
  /** How many `>` quote levels the line has. */
  depth: number;
  /** The line without its quote marks, trimmed. */
  text: string;
}

const readLines = (text: string): Line[] =>
  text
    .replace(/\r\n?/g, '\n')
    .split('\n')
    .slice(0, MAX_LINES)
    .map((raw) => {
      const m = /^((?:\s*>)*)\s?(.*)$/.exec(raw)!;
      return { depth: (m[1]!.match(/>/g) ?? []).length, text: m[2]!.trim() };
    });

/** "1.", "1)", "(1)", "Q1:", "Frage 1:", "#1" at the start of a line: the number, and the rest. */
const NUMBERED =
  /^(?:(?:q|question|frage|a|answer|antwort)\s*)?[(#]?\s*(\d{1,2})\s*(?:[.):\]]|\s-\s|\s–\s)\s*(.*)$/iu;
const LABEL = /^(?:a|answer|antwort|re|ans)\s*[:.]\s*/iu;
/** Nothing said: "n/a", "-", "k. A.", "keine Angabe", "tbd" stays an answer (it says something). */
const EMPTY = /^(?:[-–—_.?!…\s]*|n\/?a|none|keine angabe|k\.?\s?a\.?|\/)$/iu;
const MOBILE_FOOTER =
  /^(?:sent from my|von meinem|gesendet von|get outlook for|diese nachricht wurde von meinem)\b/iu;

const words = (s: string) =>
  s
    .toLowerCase()
    .normalize('NFKC')
    .replace(/[^\p{L}\p{N}\s]/gu, ' ')
    .split(/\s+/)
    .filter((w) => w.length > 2);

/**
 * Whether a line holds question `q`: most of the question's words, in a line that starts with them
 * (after a number). Returns the rest of the line after the question (an inline answer), or
 * undefined when the line is no copy of the question.
 */
function questionIn(line: string, q: string): string | undefined {
  const body = line.replace(/^\s*(?:(?:q|question|frage)\s*)?[(#]?\d{1,2}\s*[.):\]]\s*/iu, '');
  const qWords = words(q);
  if (!qWords.length) return undefined;
  // The question ends at its "?" or ":" (or the line's end): compare only that part.
  const end = /[?:](?=\s|$)/u.exec(body);
  const head = end ? body.slice(0, end.index + 1) : body;
  const headWords = words(head);
  if (!headWords.length || headWords.length > qWords.length * 1.5 + 2) return undefined;
  const wanted = new Set(qWords);
  const shared = headWords.filter((w) => wanted.has(w)).length;
  if (shared / qWords.length < 0.7 || shared / headWords.length < 0.6) return undefined;
  return end ? body.slice(end.index + 1).trim() : '';
}

/** A line where an answer ends: a quote's attribution or header block, a separator, a closing. */
function isBoundary(lines: Line[], i: number): boolean {
  const text = lines[i]!.text;
  if (!text) return false;
  if (valediction(text) || MOBILE_FOOTER.test(text)) return true;
  return quoteStart(lines.slice(i, i + 4).map((l) => l.text)) === 0;
}

const cleanAnswer = (parts: string[]) => {
  const text = parts
    .join('\n')
    .trim()
    .replace(LABEL, '')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
  return EMPTY.test(text) ? undefined : text.slice(0, MAX_ANSWER);
};

interface Hit {
  line: number;
  index: number;
  inline: string;
}

/** Every line that repeats one of the questions, in order (a question may appear more than once). */
function questionHits(lines: Line[], questions: readonly string[]): Hit[] {
  const hits: Hit[] = [];
  lines.forEach((l, line) => {
    if (!l.text) return;
    const number = NUMBERED.exec(l.text);
    const order = number ? [Number(number[1]) - 1, ...questions.keys()] : [...questions.keys()];
    for (const index of order) {
      const q = questions[index];
      if (q === undefined) continue;
      const inline = questionIn(l.text, q);
      if (inline !== undefined) {
        hits.push({ line, index, inline });
        return;
      }
    }
  });
  return hits;
}

/**
 * Answers written under (or beside) the copied questions: inline answers after a quoted question
 * ("> 2. What is …?" then the answer), answers typed into an Outlook-style unquoted copy, and
 * "Question? answer" on one line. An answer is the lines after its question up to the next
 * question, the end of the quote level it is written in, or a closing/attribution line.
 */
function answersUnderQuestions(lines: Line[], hits: Hit[]): Map<number, string> {
  const out = new Map<number, string>();
  hits.forEach((hit, h) => {
    if (out.has(hit.index)) return;
    const qDepth = lines[hit.line]!.depth;
    const stop = hits[h + 1]?.line ?? lines.length;
    const span: Line[] = [];
    for (let i = hit.line + 1; i < stop; i++) {
      if (isBoundary(lines, i)) break;
      span.push(lines[i]!);
    }
    // Written above the question's quote level (the usual inline reply): the first run of such
    // lines, up to where the quote goes on. Else the lines at its level (an unquoted copy).
    const start = span.findIndex((l) => l.depth < qDepth && l.text);
    let taken: Line[];
    if (start >= 0) {
      const end = span.findIndex((l, i) => i > start && l.text && l.depth >= qDepth);
      taken = span.slice(start, end < 0 ? undefined : end).filter((l) => l.depth < qDepth);
    } else taken = span.filter((l) => l.depth === qDepth);
    const answer = cleanAnswer([hit.inline, ...taken.map((l) => l.text)]);
    if (answer) out.set(hit.index, answer);
  });
  return out;
}

/**
 * Numbered answers without the questions ("1. We use spreadsheets" / "2) Errors"): read from the
 * reply's own part (before the quote), or from a forwarded message's reply when the forwarder only
 * wrote a note. A number beyond the questions is ignored.
 */
function numberedAnswers(lines: Line[], questions: readonly string[], hits: Hit[]): Map<number, string> {
  const hitLines = new Set(hits.map((h) => h.line));
  const segments: Line[][] = [];
  let current: Line[] = [];
  lines.forEach((l, i) => {
    if (isBoundary(lines, i) && !valediction(l.text)) {
      segments.push(current);
      current = [];
      return;
    }
    if (!hitLines.has(i)) current.push(l);
  });
  segments.push(current);
  for (const segment of segments) {
    const depth = Math.min(...segment.filter((l) => l.text).map((l) => l.depth));
    const out = new Map<number, string>();
    let open: { index: number; parts: string[] } | undefined;
    const flush = () => {
      const answer = open && cleanAnswer(open.parts);
      if (open && answer && !out.has(open.index)) out.set(open.index, answer);
      open = undefined;
    };
    for (const l of segment) {
      if (l.depth !== depth) continue;
      const m = NUMBERED.exec(l.text);
      const index = m ? Number(m[1]) - 1 : -1;
      if (m && index >= 0 && index < questions.length) {
        flush();
        open = { index, parts: [m[2]!] };
      } else if (m || !l.text || valediction(l.text)) flush();
      else if (open) open.parts.push(l.text);
    }
    flush();
    if (out.size) return out;
  }
  return new Map();
}

/**
 * Reads a prospect's answers to a questionnaire from their reply (plain text, as the mail view
 * shows it), in English or German: under each copied question (inline or quoted), after the
 * question on its line, or as numbered answers at the top; a forwarded reply is read the same
 * way. Unanswered questions are left out. Pure: no DOM, no store.
 */
export function readAnswers(text: string, questions: readonly string[]): ReadAnswer[] {
  if (!questions.length || !text.trim()) return [];
  const lines = readLines(text);
  const hits = questionHits(lines, questions);
  let found = answersUnderQuestions(lines, hits);
  if (!found.size) found = numberedAnswers(lines, questions, hits);
  return [...found.entries()]
    .sort(([a], [b]) => a - b)
    .map(([index, answer]) => ({ index, question: questions[index]!, answer }));
}

/**
 * Of several question sets (English, German, the rep's own), the one a reply answers: a set whose
 * questions the reply copies (the quote shows which was sent) before one it does not — else the
 * copied numbered questions of one set read as numbered answers to another — then the most
 * answers, then the most questions copied.
 */
export function answersOfBestSet(text: string, sets: readonly (readonly string[])[]): ReadAnswer[] {
  const lines = readLines(text);
  let best: { answers: ReadAnswer[]; score: number[] } = { answers: [], score: [0, 0, 0] };
  for (const questions of sets) {
    const answers = readAnswers(text, questions);
    const quoted = new Set(questionHits(lines, questions).map((h) => h.index)).size;
    const score = [quoted ? 1 : 0, answers.length, quoted];
    const better = score.findIndex((x, i) => x !== best.score[i]);
    if (better >= 0 && score[better]! > best.score[better]!) best = { answers, score };
  }
  return best.answers;
}
