import { describe, expect, test } from 'vitest';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { parseJCard, parseVCards, toVCard4 } from './vcard';
import type { Contact } from '../contacts/contact';
import { CORPORA, corpus } from '../../tests/corpora';

function files(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? files(path) : [path];
  });
}

const VCARD_CORPORA = [corpus('ez-vcard/src/test/resources/ezvcard'), corpus('node-vcf/test/data')];
const vcfFiles = VCARD_CORPORA.flatMap((c) => (c.present ? files(c.path) : [])).filter((f) =>
  /\.(vcf|json)$/.test(f),
);

describe.runIf(VCARD_CORPORA.every((c) => c.present))('vCard import: every public sample', () => {
  test.each(vcfFiles.map((f) => [f.slice(CORPORA.length + 1), f]))(
    '%s imports without error',
    (_name, file) => {
      const text = readFileSync(file, 'utf8');
      const result = file.endsWith('.json')
        ? parseJCard(text, { region: 'US' })
        : parseVCards(text, { region: 'US' });
      expect(result.errors).toEqual([]);
      expect(result.contacts.length + result.skipped.length).toBeGreaterThan(0);
      for (const c of result.contacts) expect(c.name || c.emails?.[0]).toBeTruthy();
    },
  );

  test('Outlook 2.1 card keeps name, email, phones, organisation and title', () => {
    const text = readFileSync(
      join(CORPORA, 'ez-vcard/src/test/resources/ezvcard/io/text/John_Doe_MS_OUTLOOK.vcf'),
      'utf8',
    );
    const [john] = parseVCards(text, { region: 'US' }).contacts;
    expect(john).toMatchObject({
      name: 'Mr. John Richter James Doe Sr.',
      emails: ['john.doe@ibm.cm'],
      company: 'IBM',
      title: 'Money Counter',
    });
    expect(john?.phones).toEqual(['+19055551234', '+19056661234']);
  });

  test('quoted-printable, folded lines and multiple cards', () => {
    const qp = parseVCards(
      readFileSync(join(CORPORA, 'node-vcf/test/data/vcard-withQuotedPrintableEncoding.vcf'), 'utf8'),
    );
    expect(qp.contacts[0]?.name).toBeTruthy();
    expect(qp.contacts[0]?.name).not.toMatch(/=[0-9A-F]{2}/);
    const gmailList = parseVCards(
      readFileSync(join(CORPORA, 'ez-vcard/src/test/resources/ezvcard/io/text/gmail-list.vcf'), 'utf8'),
    );
    expect(gmailList.contacts.length).toBeGreaterThan(1);
  });

  test('a broken public sample is reported, not thrown', () => {
    expect(
      parseVCards(readFileSync(join(CORPORA, 'node-vcf/test/data/quoted-list.vcf'), 'utf8')).contacts[0]
        ?.phones,
    ).toEqual(['+15555555555']);
  });
});

test('broken input is reported, not thrown', () => {
  expect(parseVCards('BEGIN:VCARD\nVERSION:3.0\nFN:Half').errors[0]?.message).toMatch(/END:VCARD/);
  expect(parseVCards('BEGIN:VCARD\nVERSION:3.0\nNOTE:x\nEND:VCARD').skipped).toHaveLength(1);
  expect(parseJCard('{').errors[0]?.message).toMatch(/Not JSON/);
  expect(parseVCards('').contacts).toEqual([]);
});

describe('vCard 4.0 export', () => {
  test('round-trips through the importer, escaping and folding', () => {
    const contact: Contact = {
      id: 'c1',
      name: 'Jürgen Müller-Lüdenscheidt',
      emails: ['juergen@acme.de'],
      emailKeys: ['juergen@acme.de'],
      phones: ['+49301234567'],
      title: 'Leiter Einkauf; Logistik',
      company: 'Acme, GmbH',
      profiles: ['https://www.linkedin.com/in/juergen'],
      tags: ['fair-2026'],
      role: false,
      sources: [],
      notes: 'Line one\nLine two '.repeat(10),
      searchTerms: [],
      createdAt: 0,
      updatedAt: 0,
      version: 1,
    };
    const text = toVCard4([contact]);
    expect(text.split('\r\n').every((l) => new TextEncoder().encode(l).length <= 75)).toBe(true);
    const [back] = parseVCards(text).contacts;
    expect(back).toMatchObject({
      name: contact.name,
      emails: contact.emails,
      phones: contact.phones,
      title: contact.title,
      company: contact.company,
      notes: contact.notes.trim(),
    });
  });
});
