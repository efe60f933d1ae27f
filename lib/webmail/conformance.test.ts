import { afterAll, describe, expect, test } from 'vitest';
import { parseHtml } from '../../cli/parse-html';
import { CASES } from '../../tests/fixtures/webmail/conformance/cases';
import { mailContacts, readMailView, type MailParticipant } from './index';

/**
 * The conformance table of mail views, scored per field (printed, and in BENCHMARKS.md). Every
 * case must pass; the owner is never a prospect in any case.
 */
const who = (p: MailParticipant | undefined) =>
  p ? (p.name ? `${p.name} <${p.email}>` : p.email) : undefined;
const score: Record<string, { ok: number; total: number }> = {};
const check = (field: string, ok: boolean) => {
  const s = (score[field] ??= { ok: 0, total: 0 });
  s.total++;
  if (ok) s.ok++;
  return ok;
};
const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

describe('mail view conformance', () => {
  test('at least 40 cases, Gmail and Outlook', () => {
    expect(CASES.length).toBeGreaterThanOrEqual(40);
    expect(CASES.filter((c) => c.expected.provider === 'outlook').length).toBeGreaterThanOrEqual(14);
  });

  test.each(CASES.map((c) => [c.name, c] as const))('%s', (_name, c) => {
    const view = readMailView(parseHtml(c.html, c.url), c.url, { region: c.region })!;
    const e = c.expected;
    const failures: string[] = [];
    const field = (name: string, actual: unknown, expected: unknown) => {
      if (!check(name, same(actual, expected)))
        failures.push(`${name}: ${JSON.stringify(actual)} ≠ ${JSON.stringify(expected)}`);
    };
    field('provider', view?.provider, e.provider);
    field('subject', view?.subject, e.subject);
    if (!e.messages.length) check('thread id', view?.threadId === undefined);
    field('owner', view?.owner?.toLowerCase(), e.owner);
    if (e.messages.length) field('thread id', view?.threadId, e.threadId);
    field('message count', view?.messages.length, e.messages.length);
    e.messages.forEach((m, i) => {
      const got = view?.messages[i];
      field('from', who(got?.from), m.from);
      field('collapsed', got?.collapsed, m.collapsed);
      if (m.to) field('to', got?.to.map(who), m.to);
      if (m.cc) field('cc', got?.cc.map(who), m.cc);
      if (m.id) field('message id', got?.id, m.id);
      if (m.date) field('date', got?.date, m.date);
    });
    if (e.list)
      field(
        'list',
        view?.list.map((l) => l.participant.email),
        e.list,
      );
    const open = [...(view?.messages ?? [])].reverse().find((m) => !m.collapsed);
    const sig = open?.signature;
    if (e.signature) {
      field('signature name', sig?.name, e.signature.name);
      field('signature title', sig?.title, e.signature.title);
      field('signature company', sig?.company, e.signature.company);
      field('signature phones', sig?.phones, e.signature.phones);
      field('signature fax', sig?.fax, e.signature.fax);
    }
    // The owner is never a prospect, nor is any address of the signed-in account.
    const people = view ? mailContacts(view).map((p) => p.emails[0]!.toLowerCase()) : [];
    field('owner not a prospect', people.includes(e.owner), false);
    expect(failures).toEqual([]);
  });

  afterAll(() => {
    const rows = Object.entries(score).map(([f, s]) => `${f}: ${s.ok}/${s.total}`);
    console.log(`webmail conformance (${CASES.length} cases)\n  ${rows.join('\n  ')}`);
  });
});
