import { describe, expect, test } from 'vitest';
import { spawnSync } from 'node:child_process';
import { writeFileSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runScan, UsageError } from './scan';

describe('scan CLI', () => {
  test('a team page: contacts with fit from the default profile', async () => {
    const { files } = await runScan(['--url', 'https://acme-industrie.de/team', 'demo/site/team.html']);
    expect(files[0]).toMatchObject({ file: 'team.html', url: 'https://acme-industrie.de/team', mail: null });
    const markus = files[0]!.contacts.find((c) => c.name === 'Markus Weber');
    expect(markus).toMatchObject({ company: 'Acme GmbH', fit: { verdict: 'lead', score: 80 } });
    // Every contact says how sure the detection is: a card with name, title and address, very.
    expect(markus?.confidence).toBeGreaterThanOrEqual(0.9);
    for (const c of files[0]!.contacts) expect(c.confidence).toBeGreaterThan(0);
    const lena = files[0]!.contacts.find((c) => c.name === 'Lena Fischer');
    expect(lena?.fit.verdict).toBe('no-fit');
  });

  test('a Gmail page: mail view, owner never a contact, sender carries the signature', async () => {
    const { files } = await runScan(['--url', 'https://mail.google.com/mail/u/0/', 'demo/site/gmail.html']);
    const file = files[0]!;
    expect(file.mail?.provider).toBe('gmail');
    expect(file.contacts.map((c) => c.emails[0])).toEqual([
      'markus.weber@acme-industrie.de',
      'jana.schubert@acme-industrie.de',
    ]);
    expect(file.contacts[0]).toMatchObject({
      title: 'Head of Procurement',
      company: 'Acme GmbH',
      phones: ['+49301234568'],
    });
  });

  test('a custom criteria file changes the verdicts', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'scan-'));
    const criteria = join(dir, 'c.json');
    writeFileSync(
      criteria,
      JSON.stringify({
        id: 'x',
        name: 'Students',
        base: 0,
        thresholds: { lead: 50, maybe: 20 },
        rules: [{ id: 's', kind: 'title-keywords', keywords: ['Werkstudentin'], weight: 60 }],
      }),
    );
    const { files } = await runScan(['--criteria', criteria, 'demo/site/team.html']);
    expect(files[0]!.contacts.find((c) => c.name === 'Lena Fischer')?.fit.verdict).toBe('lead');
  });

  test.each([
    [['nope.html'], /no such file/],
    [['package.json'], /not an HTML file/],
    [['--criteria', 'package.json', 'demo/site/team.html'], /not valid/],
    [['--url', 'not a url', 'demo/site/team.html'], /not a URL/],
    [[], /no HTML file/],
    [['--bogus'], /unknown option/],
  ])('bad input %j is a clear usage error', async (argv, message) => {
    await expect(runScan(argv)).rejects.toThrow(UsageError);
    await expect(runScan(argv)).rejects.toThrow(message);
  });

  test('the command exits 2 with a message on stderr', () => {
    const result = spawnSync('npx', ['tsx', 'cli/scan-main.ts', 'missing.html'], { encoding: 'utf8' });
    expect(result.status).toBe(2);
    expect(result.stderr).toMatch(/scan: no such file: missing.html/);
    expect(result.stdout).toBe('');
  });
});

test('a page with people but no mail links: names, titles, phones with extensions, each with a confidence', async () => {
  const { files } = await runScan([
    '--url',
    'https://www.millbrookvt.gov/offices',
    'tests/fixtures/people/town-staff-list.html',
  ]);
  const clerk = files[0]!.contacts.find((c) => c.name === 'Jane Miller');
  expect(clerk).toMatchObject({ title: 'Town Clerk', phones: ['+18025550140;ext=112'], emails: [] });
  expect(clerk!.confidence).toBeGreaterThanOrEqual(0.65);
  expect(files[0]!.contacts.map((c) => c.name)).not.toContain('Office Hours');
});
