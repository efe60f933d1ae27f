import { expect, test, vi } from 'vitest';
import { parseHtml } from '../../cli/parse-html';

test('asks ahead the domains and numbers of a chunk: text, mailto and tel links, NANP shapes as US', async () => {
  vi.resetModules();
  vi.doMock('../contacts/checks', () => import('../contacts/checks-remote'));
  const remote = await import('../contacts/checks-remote');
  const { askAhead } = await import('./ask-ahead');
  vi.doUnmock('../contacts/checks');
  const doc = parseHtml(
    `<div><p>Jane Doe, jane@acme.io, Tel. 089 2180-4471</p><p>Call (303) 555-0147</p>
     <a href="mailto:sales@acme.de?subject=Hi">Mail</a><a href="tel:%2B44%2020%207946%200958">Call</a></div>`,
  );
  askAhead(doc.querySelector('div')!, undefined);
  const q = remote.takeQuestions(100)!;
  expect(q.domains.sort()).toEqual(['acme.de', 'acme.io']);
  expect(q.phones).toEqual(
    expect.arrayContaining([
      { text: '089 2180-4471' },
      { text: '(303) 555-0147' },
      { text: '(303) 555-0147', region: 'US' },
      { text: '+44 20 7946 0958' },
    ]),
  );
  // Asked once: the next chunk's pass finds them pending no more.
  expect(remote.takeQuestions(100)).toBeUndefined();
});
