import { describe, expect, test } from 'vitest';
import { readdirSync, readFileSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { corpus } from '../../tests/corpora';
import { parseHtml } from '../../cli/parse-html';
import { textLines } from './lines';
import { replyLines } from './quote';
import { signatureBlock } from './signature';
import { plainTextOf } from '../../tests/eml';

/**
 * Quote and signature separation over the real replies of the public corpora. Each figure is
 * also in BENCHMARKS.md; the floors below are what this parser reaches, so it can't regress
 * silently.
 */
const norm = (s: string) => s.replace(/\s+/g, ' ').trim();
const text = (lines: string[]) => norm(lines.join('\n'));
const report = (name: string, ok: number, total: number) =>
  console.log(`reply corpus: ${name}: ${ok}/${total} (${((100 * ok) / total).toFixed(0)}%)`);

const talon = corpus('email-replies/talon/tests/fixtures');
const erp = corpus('email-replies/email-reply-parser/tests/Fixtures');

describe.runIf(talon.present)('talon', () => {
  test('HTML replies from nine clients: the reply is "Hi. I am fine. Thanks, Alex", the quote gone', () => {
    // talon's own test asserts this reply text for every file of html_replies.
    const dir = join(talon.path, 'html_replies');
    const files = readdirSync(dir).filter((f) => f.endsWith('.html'));
    const ok = files.filter((f) => {
      const doc = parseHtml(readFileSync(join(dir, f), 'utf8'));
      return /^Hi\. I am fine\.\s*Thanks,\s*Alex$/.test(text(textLines(doc.body)));
    });
    report('talon html_replies', ok.length, files.length);
    expect(files.length).toBe(9);
    expect(ok.length).toBeGreaterThanOrEqual(FLOORS.talonHtml);
  });

  test('plain-text replies from a dozen clients: the reply as talon expects it', () => {
    // talon's test: the reply is the NAME_reply_text file when there is one, else "Hello".
    const dir = join(talon.path, 'standard_replies');
    const files = readdirSync(dir).filter((f) => f.endsWith('.eml'));
    const ok = files.filter((f) => {
      const expectedFile = join(dir, f.replace(/\.eml$/, '_reply_text'));
      const expected = existsSync(expectedFile) ? readFileSync(expectedFile, 'utf8') : 'Hello';
      const lines = plainTextOf(readFileSync(join(dir, f), 'utf8')).split(/\r?\n/);
      return text(replyLines(lines)) === norm(expected);
    });
    report('talon standard_replies', ok.length, files.length);
    expect(files.length).toBeGreaterThanOrEqual(12);
    expect(ok.length).toBeGreaterThanOrEqual(FLOORS.talonPlain);
  });

  test('signatures with their expected split: the block found is the signature', () => {
    const dir = join(talon.path, 'signature/emails/stripped');
    const names = readdirSync(dir)
      .filter((f) => f.endsWith('_body'))
      .map((f) => f.slice(0, -'_body'.length));
    let exact = 0;
    let expectedLines = 0;
    let foundLines = 0;
    let commonLines = 0;
    for (const name of names) {
      const lines = readFileSync(join(dir, `${name}_body`), 'utf8').split(/\r?\n/);
      const expected = readFileSync(join(dir, `${name}_signature`), 'utf8')
        .split(/\r?\n/)
        .map(norm)
        .filter(Boolean);
      const block = signatureBlock(lines);
      const found = lines
        .slice(block.closing ?? block.start, block.end)
        .map(norm)
        .filter(Boolean);
      if (found.join('\n') === expected.join('\n')) exact++;
      expectedLines += expected.length;
      foundLines += found.length;
      commonLines += found.filter((l) => expected.includes(l)).length;
    }
    report('talon signatures (exact block)', exact, names.length);
    report('talon signature lines (recall)', commonLines, expectedLines);
    report('talon signature lines (precision)', commonLines, foundLines);
    expect(exact).toBeGreaterThanOrEqual(FLOORS.talonSignatureExact);
    expect(commonLines / expectedLines).toBeGreaterThanOrEqual(FLOORS.talonSignatureRecall);
    expect(commonLines / Math.max(1, foundLines)).toBeGreaterThanOrEqual(FLOORS.talonSignaturePrecision);
  });
});

describe.runIf(erp.present)('EmailReplyParser', () => {
  test('46 plain-text replies: the quote is cut where it starts and the reply is kept', () => {
    const files = readdirSync(erp.path).filter((f) => f.endsWith('.txt'));
    let quoted = 0;
    let cutRight = 0;
    let kept = 0;
    for (const f of files) {
      const lines = readFileSync(join(erp.path, f), 'utf8').split(/\r?\n/);
      const reply = replyLines(lines);
      if (reply.some((l) => /\S/.test(l))) kept++;
      const firstQuoted = lines.findIndex((l) => l.startsWith('>'));
      if (firstQuoted < 0) continue;
      quoted++;
      // Cut at or before the first ">" line, and not more than the attribution's few lines before.
      if (reply.length <= firstQuoted && reply.length >= firstQuoted - 6) cutRight++;
    }
    report('EmailReplyParser replies kept', kept, files.length);
    report('EmailReplyParser quotes cut at the attribution', cutRight, quoted);
    expect(files.length).toBeGreaterThanOrEqual(40);
    expect(kept).toBeGreaterThanOrEqual(FLOORS.erpKept);
    expect(cutRight).toBeGreaterThanOrEqual(FLOORS.erpCut);
  });
});

const FLOORS = {
  talonHtml: 9,
  talonPlain: 12,
  talonSignatureExact: 6,
  talonSignatureRecall: 1,
  talonSignaturePrecision: 1,
  erpKept: 46,
  erpCut: 17,
};
