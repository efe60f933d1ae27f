import { describe, expect, test } from 'vitest';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { corpus } from '../../tests/corpora';
import { plainTextOf } from '../../tests/eml';
import { readAnswers } from './answers';
import { DEFAULT_QUESTION_SETS } from './defaults';

/**
 * The answer reader over real client replies (talon's standard replies from a dozen clients,
 * EmailReplyParser's plain-text fixtures): their quote headers, signatures and "Sent from" lines
 * must end an answer and must never be read as one.
 */
const QUESTIONS = [...DEFAULT_QUESTION_SETS[0]!.questions];
const talon = corpus('email-replies/talon/tests/fixtures/standard_replies');
const erp = corpus('email-replies/email-reply-parser/tests/Fixtures');

function replies(): { name: string; text: string }[] {
  const out: { name: string; text: string }[] = [];
  if (talon.present)
    for (const f of readdirSync(talon.path).filter((f) => f.endsWith('.eml')))
      out.push({ name: `talon/${f}`, text: plainTextOf(readFileSync(join(talon.path, f), 'utf8')) });
  if (erp.present)
    for (const f of readdirSync(erp.path).filter((f) => f.startsWith('email_') && f.endsWith('.txt')))
      out.push({ name: `erp/${f}`, text: readFileSync(join(erp.path, f), 'utf8') });
  return out;
}

describe.runIf(talon.present && erp.present)('answers in real client replies', () => {
  const all = replies();

  test('a real reply that answers no questionnaire reads no answers', () => {
    const invented = all.filter((r) => readAnswers(r.text, QUESTIONS).length > 0).map((r) => r.name);
    console.log(`answers corpus: ${all.length - invented.length}/${all.length} real replies read no answer`);
    expect(all.length).toBeGreaterThanOrEqual(55);
    expect(invented).toEqual([]);
  });

  test('numbered answers written above each real reply: exactly those, the client’s quote and signature never', () => {
    const wrong: string[] = [];
    for (const r of all) {
      const text = `1. Spreadsheets\n2. Lost orders\n\n${r.text}`;
      const got = readAnswers(text, QUESTIONS).map((a) => [a.index, a.answer]);
      if (
        JSON.stringify(got) !==
        JSON.stringify([
          [0, 'Spreadsheets'],
          [1, 'Lost orders'],
        ])
      )
        wrong.push(r.name);
    }
    console.log(`answers corpus: ${all.length - wrong.length}/${all.length} exact above a real reply`);
    expect(wrong).toEqual([]);
  });

  test('answers typed under questions quoted into each real reply’s own quote', () => {
    const wrong: string[] = [];
    let tried = 0;
    for (const r of all) {
      const lines = r.text.replace(/\r\n?/g, '\n').split('\n');
      const firstQuoted = lines.findIndex((l) => l.startsWith('>'));
      if (firstQuoted < 0) continue;
      tried++;
      // The questionnaire quoted the client's way, with two answers typed under it, inside the real quote.
      const block = [
        `> 1. ${QUESTIONS[0]}`,
        'Spreadsheets',
        '>',
        `> 2. ${QUESTIONS[1]}`,
        '>',
        `> 3. ${QUESTIONS[2]}`,
        'Ten hours',
        '>',
      ];
      const text = [...lines.slice(0, firstQuoted), ...block, ...lines.slice(firstQuoted)].join('\n');
      const got = readAnswers(text, QUESTIONS).map((a) => [a.index, a.answer]);
      if (
        JSON.stringify(got) !==
        JSON.stringify([
          [0, 'Spreadsheets'],
          [2, 'Ten hours'],
        ])
      )
        wrong.push(r.name);
    }
    console.log(`answers corpus: ${tried - wrong.length}/${tried} inline inside a real quote`);
    expect(tried).toBeGreaterThanOrEqual(20);
    expect(wrong).toEqual([]);
  });
});
