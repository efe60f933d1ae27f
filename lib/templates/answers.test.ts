import { describe, expect, test } from 'vitest';
import { answersOfBestSet, readAnswers } from './answers';
import { DEFAULT_QUESTION_SETS, defaultLibrary } from './defaults';
import { fillTemplate } from './fill';

const EN = DEFAULT_QUESTION_SETS[0]!.questions;
const DE = DEFAULT_QUESTION_SETS[1]!.questions;
const sent = (locale: 'en' | 'de') => {
  const t = defaultLibrary().templates.find((x) => x.kind === 'questionnaire' && x.locale === locale)!;
  return fillTemplate(
    t.body,
    { contact: { name: 'Anna Berg', company: 'Acme' }, questions: locale === 'en' ? EN : DE },
    locale,
  ).text;
};
const quote = (text: string, prefix = '> ') =>
  text
    .split('\n')
    .map((l) => `${prefix}${l}`.trimEnd())
    .join('\n');
/** The sent questionnaire with `answers[i]` written under question i (as a prospect types inline). */
const withAnswers = (text: string, answers: Record<number, string>, prefix = '') =>
  text
    .split('\n')
    .flatMap((line) => {
      const m = /^(\d+)\. /.exec(line);
      const mine = m ? answers[Number(m[1]) - 1] : undefined;
      return [`${prefix}${line}`.trimEnd(), ...(mine !== undefined ? [mine] : [])];
    })
    .join('\n');
const pairs = (text: string, questions = EN) => readAnswers(text, questions).map((a) => [a.index, a.answer]);
const GMAIL_ATTR = 'On Mon, 5 Jan 2026 at 09:00, Sam Rep <sam@seller.io> wrote:';
const OUTLOOK_HEAD =
  'From: Sam Rep <sam@seller.io>\nSent: Monday, January 5, 2026 9:00 AM\nTo: Anna Berg <anna@acme.io>\nSubject: A few questions';
const OUTLOOK_HEAD_DE =
  'Von: Sam Rep <sam@seller.io>\nGesendet: Montag, 5. Januar 2026 09:00\nAn: Anna Berg <anna@acme.io>\nBetreff: Ein paar Fragen';
const ALL = {
  0: 'Spreadsheets and email.',
  1: 'Orders get lost.',
  2: 'About 10 hours a week.',
  3: 'Me and our CFO.',
  4: 'Around 20k EUR.',
  5: 'Before Q3.',
  6: 'One place for all orders.',
  7: 'Data must stay in the EU.',
};
const allPairs = Object.entries(ALL).map(([k, v]) => [Number(k), v]);

describe('answers under the questions (inline)', () => {
  test('1 Gmail: quoted questions, answers typed under each', () => {
    const inline = `Hi Sam, answers inline.\n\n${GMAIL_ATTR}\n\n${quoteWithAnswers(sent('en'), ALL)}`;
    expect(pairs(inline)).toEqual(allPairs);
  });
  test('2 partial: only three answered, the rest left out', () => {
    expect(
      pairs(
        `${GMAIL_ATTR}\n${quoteWithAnswers(sent('en'), { 1: 'Lost orders', 4: 'Not decided yet', 5: 'ASAP' })}`,
      ),
    ).toEqual([
      [1, 'Lost orders'],
      [4, 'Not decided yet'],
      [5, 'ASAP'],
    ]);
  });
  test('3 "A:" / "Answer:" labels are dropped', () => {
    expect(pairs(quoteWithAnswers(sent('en'), { 0: 'A: Excel', 3: 'Answer: the board' }))).toEqual([
      [0, 'Excel'],
      [3, 'the board'],
    ]);
  });
  test('4 Outlook: answers typed into the unquoted copy below the header block', () => {
    const reply = `See my answers below.\n\nAnna\n\n${OUTLOOK_HEAD}\n\n${withAnswers(sent('en'), ALL)}`;
    expect(pairs(reply)).toEqual(allPairs);
  });
  test('5 Outlook in German, German answers', () => {
    const reply = `Anbei meine Antworten.\n\n${OUTLOOK_HEAD_DE}\n\n${withAnswers(sent('de'), { 0: 'Mit Excel.', 4: 'Rund 20.000 Euro.' })}`;
    expect(pairs(reply, DE)).toEqual([
      [0, 'Mit Excel.'],
      [4, 'Rund 20.000 Euro.'],
    ]);
  });
  test('6 question and answer on one line', () => {
    const reply = `${EN.slice(0, 3)
      .map((q, i) => `${i + 1}. ${q} ${['Excel', 'Lost orders', '-'][i]}`)
      .join('\n')}\n`;
    expect(pairs(reply)).toEqual([
      [0, 'Excel'],
      [1, 'Lost orders'],
    ]);
  });
  test('7 the prospect removed the numbers; the question text still finds the answer', () => {
    const reply = `${EN[1]}\nOrders get lost between teams.\n\n${EN[5]}\nBy June.`;
    expect(pairs(reply)).toEqual([
      [1, 'Orders get lost between teams.'],
      [5, 'By June.'],
    ]);
  });
  test('8 a multi-paragraph answer is kept whole; the closing after the last answer is not part of it', () => {
    const reply = `${quoteWithAnswers(sent('en'), { 1: 'Two things:\nlost orders,\n\nand late invoices.', 7: 'No.' })}\n\nBest regards\nAnna Berg`;
    expect(pairs(reply)).toEqual([
      [1, 'Two things:\nlost orders,\n\nand late invoices.'],
      [7, 'No.'],
    ]);
  });
  test('9 "-" and "n/a" under a question are no answers', () => {
    expect(pairs(quoteWithAnswers(sent('en'), { 0: '-', 1: 'n/a', 2: 'k. A.', 3: 'Me' }))).toEqual([
      [3, 'Me'],
    ]);
  });
  test('10 the prospect kept only two of the questions', () => {
    const reply = `> ${'3. ' + EN[2]}\nAbout 10 hours a week\n> ${'6. ' + EN[5]}\nQ3`;
    expect(pairs(reply)).toEqual([
      [2, 'About 10 hours a week'],
      [5, 'Q3'],
    ]);
  });
  test('11 ">>" without spaces and an Apple Mail attribution', () => {
    const reply = `Answers below\n\nOn 5 Jan 2026, at 09:00, Sam Rep <sam@seller.io> wrote:\n\n${quoteWithAnswers(sent('en'), { 0: 'Paper' }, '>')}`;
    expect(pairs(reply)).toEqual([[0, 'Paper']]);
  });
  test('12 Windows line endings', () => {
    expect(pairs(quoteWithAnswers(sent('en'), { 4: '15k' }).replace(/\n/g, '\r\n'))).toEqual([[4, '15k']]);
  });
  test('13 German inline in Gmail ("Am … schrieb …:")', () => {
    const reply = `Hallo Sam,\n\nAm Mo., 5. Jan. 2026 um 09:00 Uhr schrieb Sam Rep <sam@seller.io>:\n${quoteWithAnswers(sent('de'), { 2: 'Etwa zehn Stunden pro Woche.', 3: 'Ich und unser CFO.' })}`;
    expect(pairs(reply, DE)).toEqual([
      [2, 'Etwa zehn Stunden pro Woche.'],
      [3, 'Ich und unser CFO.'],
    ]);
  });
});

describe('numbered answers', () => {
  test('14 top-posted above the quoted questionnaire (Gmail)', () => {
    const reply = `Hi Sam,\n\n1. Spreadsheets\n2. Lost orders\n3. 10 hours a week\n\nThanks, Anna\n\n${GMAIL_ATTR}\n${quote(sent('en'))}`;
    expect(pairs(reply)).toEqual([
      [0, 'Spreadsheets'],
      [1, 'Lost orders'],
      [2, '10 hours a week'],
    ]);
  });
  test('15 "1)" style, top-posted above an Outlook header block with the unquoted questions', () => {
    const reply = `1) Excel\n2) Errors in orders\n4) Our CFO\n\n${OUTLOOK_HEAD}\n\n${sent('en')}`;
    expect(pairs(reply)).toEqual([
      [0, 'Excel'],
      [1, 'Errors in orders'],
      [3, 'Our CFO'],
    ]);
  });
  test('16 German, top-posted, "Frage 1:" labels', () => {
    const reply = `Hallo,\n\nFrage 1: Mit Excel\nFrage 5: 20.000 Euro\n\nViele Grüße\nAnna\n\nAm 05.01.2026 um 09:00 schrieb Sam Rep:\n${quote(sent('de'))}`;
    expect(pairs(reply, DE)).toEqual([
      [0, 'Mit Excel'],
      [4, '20.000 Euro'],
    ]);
  });
  test('17 an answer over two lines; numbers beyond the questions ignored', () => {
    const reply = `1. Excel,\nand a lot of email\n2. Lost orders\n12. Something else\n\n${GMAIL_ATTR}\n${quote(sent('en'))}`;
    expect(pairs(reply)).toEqual([
      [0, 'Excel,\nand a lot of email'],
      [1, 'Lost orders'],
    ]);
  });
  test('18 "Sent from my iPhone" ends the last answer', () => {
    const reply = `1. Excel\n2. Lost orders\nSent from my iPhone\n\n${GMAIL_ATTR}\n${quote(sent('en'))}`;
    expect(pairs(reply)).toEqual([
      [0, 'Excel'],
      [1, 'Lost orders'],
    ]);
  });
  test('19 bottom-posted below the quote', () => {
    const reply = `${GMAIL_ATTR}\n${quote(sent('en'))}\n\n1. Excel\n2. Lost orders`;
    expect(pairs(reply)).toEqual([
      [0, 'Excel'],
      [1, 'Lost orders'],
    ]);
  });
  test('20 numbered answers with "n/a" leave that question out', () => {
    expect(pairs(`1. n/a\n2. Lost orders\n3. -\n`)).toEqual([[1, 'Lost orders']]);
  });
});

describe('forwarded replies', () => {
  const forward = (inner: string) =>
    `FYI, Anna's answers below.\n\n---------- Forwarded message ---------\nFrom: Anna Berg <anna@acme.io>\nDate: Tue, 6 Jan 2026 at 10:00\nSubject: Re: A few questions\nTo: Sam Rep <sam@seller.io>\n\n${inner}`;
  test('21 inline answers inside a forwarded reply', () => {
    expect(
      pairs(
        forward(`Answers inline.\n\n${GMAIL_ATTR}\n${quoteWithAnswers(sent('en'), { 0: 'Excel', 5: 'Q3' })}`),
      ),
    ).toEqual([
      [0, 'Excel'],
      [5, 'Q3'],
    ]);
  });
  test('22 numbered answers inside a forwarded reply (the forwarder only wrote a note)', () => {
    expect(pairs(forward(`1. Excel\n2. Lost orders\n\n${GMAIL_ATTR}\n${quote(sent('en'))}`))).toEqual([
      [0, 'Excel'],
      [1, 'Lost orders'],
    ]);
  });
  test('23 a forward of an inline reply, quoted once more (">>" questions, ">" answers)', () => {
    const inner = quote(`${GMAIL_ATTR}\n${quoteWithAnswers(sent('en'), { 2: 'Ten hours' })}`);
    expect(pairs(`See below.\n\nOn Tue, 6 Jan 2026, Anna Berg <anna@acme.io> wrote:\n${inner}`)).toEqual([
      [2, 'Ten hours'],
    ]);
  });
  test('24 German forward ("Weitergeleitete Nachricht")', () => {
    const reply = `Zur Info.\n\n---------- Weitergeleitete Nachricht ---------\nVon: Anna Berg <anna@acme.io>\nBetreff: AW: Ein paar Fragen\n\n1. Mit Excel\n2. Verlorene Aufträge\n\n${OUTLOOK_HEAD_DE}\n\n${sent('de')}`;
    expect(pairs(reply, DE)).toEqual([
      [0, 'Mit Excel'],
      [1, 'Verlorene Aufträge'],
    ]);
  });
});

describe('no answers', () => {
  test('25 a reply that does not answer reads nothing (the quoted questions are no answers)', () => {
    expect(
      pairs(`Thanks Sam, I will get back to you next week.\n\nAnna\n\n${GMAIL_ATTR}\n${quote(sent('en'))}`),
    ).toEqual([]);
    expect(pairs(`Danke, ich melde mich.\n\n${OUTLOOK_HEAD_DE}\n\n${sent('de')}`, DE)).toEqual([]);
  });
  test('26 a numbered list that is no answer list in a reply without questions still maps by number only up to the set', () => {
    expect(readAnswers('', EN)).toEqual([]);
    expect(readAnswers('1. Excel', [])).toEqual([]);
  });
  test('27 a very long answer is bounded', () => {
    const long = 'x'.repeat(5_000);
    expect(readAnswers(`1. ${long}`, EN)[0]!.answer).toHaveLength(2_000);
  });
});

/** The sent questionnaire quoted with `prefix`, each answer typed unquoted under its question. */
function quoteWithAnswers(text: string, answers: Record<number, string>, prefix = '> ') {
  return text
    .split('\n')
    .flatMap((line) => {
      const m = /^(\d+)\. /.exec(line);
      const mine = m ? answers[Number(m[1]) - 1] : undefined;
      return [`${prefix}${line}`.trimEnd(), ...(mine !== undefined ? mine.split('\n') : [])];
    })
    .join('\n');
}

test('28 of the English and the German set, the one the reply quotes is read', () => {
  const de = `1. Mit Excel\n\nAm 05.01.2026 schrieb Sam:\n${quote(sent('de'))}`;
  expect(answersOfBestSet(de, [EN, DE])[0]).toMatchObject({ question: DE[0], answer: 'Mit Excel' });
  const en = `1. Excel\n\n${GMAIL_ATTR}\n${quote(sent('en'))}`;
  expect(answersOfBestSet(en, [DE, EN])[0]).toMatchObject({ question: EN[0], answer: 'Excel' });
  expect(answersOfBestSet('Thanks!', [EN, DE])).toEqual([]);
});

test('29 an Outlook reply answering a few copied (unquoted, numbered) questions: the copied set wins, the other set does not read the numbered questions as answers', () => {
  const en = `Answers below.\n\n${OUTLOOK_HEAD}\n${withAnswers(sent('en'), { 0: 'Excel', 4: 'About 30,000 EUR.' })}`;
  for (const sets of [
    [EN, DE],
    [DE, EN],
  ])
    expect(answersOfBestSet(en, sets).map((a) => [a.index, a.question, a.answer])).toEqual([
      [0, EN[0], 'Excel'],
      [4, EN[4], 'About 30,000 EUR.'],
    ]);
  const de = `Siehe unten.\n\n${OUTLOOK_HEAD_DE}\n${withAnswers(sent('de'), { 1: 'Liegezeiten.' })}`;
  expect(answersOfBestSet(de, [EN, DE]).map((a) => a.question)).toEqual([DE[1]]);
});
