import { expect, test, vi } from 'vitest';

test('runs again after asking, until a run needed no missing answer', async () => {
  vi.resetModules();
  vi.doMock('./checks', () => import('./checks-remote'));
  const remote = await import('./checks-remote');
  const { normaliseEmail, forgetCheckedAnswers } = await import('./email');
  const { withAnswers } = await import('./answers');
  vi.doUnmock('./checks');
  let runs = 0;
  const ask = vi.fn(async () => {
    const q = remote.takeQuestions(10)!;
    remote.learnAnswers(q, {
      domains: q.domains.map(() => ({
        isIp: false,
        isIcann: true,
        domain: 'acme.io',
        publicSuffix: 'io',
        freeMail: false,
      })),
      phones: [],
    });
    forgetCheckedAnswers();
  });
  const result = await withAnswers(() => (runs++, normaliseEmail('Jane@Acme.io')), ask);
  expect(result?.key).toBe('jane@acme.io');
  expect([runs, ask.mock.calls.length]).toEqual([2, 1]);
  // Answered now: one run, no question.
  expect(await withAnswers(() => normaliseEmail('jane@acme.io'), ask)).toBeDefined();
  expect(ask).toHaveBeenCalledTimes(1);
});

test('with the tables at hand it runs once and never asks', async () => {
  vi.resetModules();
  const { withAnswers } = await import('./answers');
  const { normaliseEmail } = await import('./email');
  const ask = vi.fn(async () => undefined);
  expect((await withAnswers(() => normaliseEmail('jane@acme.io'), ask))?.domain).toBe('acme.io');
  expect(ask).not.toHaveBeenCalled();
});
