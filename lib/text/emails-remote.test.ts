import { expect, test, vi } from 'vitest';
import { domainInfo } from '../contacts/checks';

test("a mailto link read before the background's answer is read again once the answers are learnt", async () => {
  vi.resetModules();
  vi.doMock('../contacts/checks', () => import('../contacts/checks-remote'));
  const remote = await import('../contacts/checks-remote');
  const { mailtoAddresses } = await import('./emails');
  const { forgetCheckedAnswers } = await import('../contacts/email');
  vi.doUnmock('../contacts/checks');
  const href = 'mailto:jane@acme.io,bob@acme.de?subject=Hi';
  const before = remote.uncheckedAnswers();
  // Unanswered domains read as invalid, provisionally, and count as missing.
  expect(mailtoAddresses(href)).toEqual([]);
  expect(remote.uncheckedAnswers()).toBeGreaterThan(before);
  const q = remote.takeQuestions(10)!;
  remote.learnAnswers(q, { domains: q.domains.map(domainInfo), phones: [] });
  forgetCheckedAnswers();
  expect(mailtoAddresses(href)).toEqual(['jane@acme.io', 'bob@acme.de']);
  // Answered: read again without a question.
  const asked = remote.uncheckedAnswers();
  expect(mailtoAddresses(href)).toEqual(['jane@acme.io', 'bob@acme.de']);
  expect(remote.uncheckedAnswers()).toBe(asked);
});
