import { describe, expect, test } from 'vitest';
import { readFileSync } from 'node:fs';
import { parseHtml } from '../../cli/parse-html';
import { corpus } from '../../tests/corpora';
import { detectContacts } from './detect';
import { looksLikePersonName } from '../text/person-name';
import { splitTitleCompany } from '../text/title-company';
import { findEmailsInText } from '../text/emails';
import { guessRegion } from './region';

const page = (name: string, url: string) =>
  detectContacts(parseHtml(readFileSync(`tests/fixtures/pages/${name}`, 'utf8'), url), { url });
const html = (markup: string, url = 'https://example.de/') => detectContacts(parseHtml(markup, url), { url });
const byName = (contacts: ReturnType<typeof detectContacts>, name: string) =>
  contacts.find((c) => c.name === name);

describe('team pages', () => {
  test('English team page: cards joined, titles split from companies, obfuscations read, hidden things ignored', () => {
    const contacts = page('team-en.html', 'https://www.northwind.co.uk/people');
    expect(byName(contacts, 'Olivia Bennett')).toMatchObject({
      emails: ['olivia.bennett@northwind.co.uk'],
      phones: ['+442079460018'],
      title: 'Chief Operating Officer',
      company: 'Northwind Logistics Ltd',
      companyDomain: 'northwind.co.uk',
      profiles: ['https://www.linkedin.com/in/olivia-bennett-ops/'],
      role: false,
    });
    expect(byName(contacts, 'Raj Patel')).toMatchObject({
      emails: ['raj.patel@northwind.co.uk'],
      phones: ['+442079460019'],
      title: 'Head of Procurement',
    });
    expect(byName(contacts, 'Chloé Dubois-Martin')).toMatchObject({
      emails: ['chloe@northwind.co.uk'],
      title: 'Marketing Manager',
      company: 'Northwind',
    });
    const press = contacts.find((c) => c.emails.includes('press@northwind.co.uk'));
    expect(press).toMatchObject({ role: true, name: undefined });
    const all = contacts.flatMap((c) => c.emails).join(' ');
    expect(all).not.toMatch(/secret|script|form\./);
    expect(contacts).toHaveLength(4);
  });

  test('German team page with JSON-LD: the same person from two sources is one contact', () => {
    const contacts = page('../../../demo/site/team.html', 'https://acme-industrie.de/team');
    const jana = contacts.filter((c) => c.name === 'Jana Schubert');
    expect(jana).toHaveLength(1);
    expect(jana[0]).toMatchObject({
      emails: ['jana.schubert@acme-industrie.de'],
      phones: ['+49301234567'],
      title: 'Geschäftsführerin',
      company: 'Acme GmbH',
      companyDomain: 'acme-industrie.de',
    });
    expect(jana[0]!.evidence.map((e) => e.detector)).toEqual(expect.arrayContaining(['json-ld', 'card']));
    expect(byName(contacts, 'Markus Weber')?.title).toBe('Head of Procurement');
    const info = contacts.find((c) => c.emails.includes('info@acme-industrie.de'));
    expect(info?.role).toBe(true);
  });

  test('a speaker page with only names, titles and profiles', () => {
    const contacts = html(`<html lang="en"><body><section>
      ${['Ada Lovelace', 'Grace Hopper', 'Alan Turing']
        .map(
          (
            n,
            i,
          ) => `<article class="speaker"><h4>${n}</h4><div>Keynote speaker ${i}, Analytical Engines Inc</div>
            <a href="https://github.com/${n.split(' ')[0]!.toLowerCase()}">GitHub</a></article>`,
        )
        .join('')}</section></body></html>`);
    expect(contacts.map((c) => c.name)).toEqual(['Ada Lovelace', 'Grace Hopper', 'Alan Turing']);
    expect(contacts[1]).toMatchObject({
      title: 'Keynote speaker 1',
      company: 'Analytical Engines Inc',
      profiles: ['https://github.com/grace'],
    });
  });

  test('microdata and RDFa lite persons', () => {
    const contacts = html(`<div itemscope itemtype="https://schema.org/Person">
        <span itemprop="name">Jürgen Müller</span> <span itemprop="jobTitle">Leiter Einkauf</span>
        <div itemprop="worksFor" itemscope itemtype="https://schema.org/Organization"><span itemprop="name">Müller Bau GmbH</span></div>
        <a itemprop="email" href="mailto:j.mueller@mueller-bau.de">Mail</a> <span itemprop="telephone">030 1234567</span></div>
      <div vocab="https://schema.org/" typeof="Person"><span property="name">Eva Schmidt</span>
        <span property="jobTitle">CFO</span><a property="email" href="mailto:eva@schmidt.at">eva@schmidt.at</a></div>`);
    expect(byName(contacts, 'Jürgen Müller')).toMatchObject({
      title: 'Leiter Einkauf',
      company: 'Müller Bau GmbH',
      emails: ['j.mueller@mueller-bau.de'],
      phones: ['+49301234567'],
    });
    expect(byName(contacts, 'Eva Schmidt')).toMatchObject({ title: 'CFO', emails: ['eva@schmidt.at'] });
  });

  test('a chunk (an element, as the scanner reads) finds each kind of person markup it holds', () => {
    const kinds: [string, string][] = [
      [
        'microdata',
        '<div itemscope itemtype="https://schema.org/Person"><span itemprop="name">Eva Roe</span>',
      ],
      ['rdfa', '<div vocab="https://schema.org/" typeof="Person"><span property="name">Eva Roe</span>'],
      ['rdfa', '<div typeof="schema:Person"><span property="schema:name">Eva Roe</span>'],
      ['h-card', '<div class="h-card"><span class="p-name">Eva Roe</span>'],
      ['hcard', '<div class="vcard"><span class="fn">Eva Roe</span>'],
    ];
    for (const [detector, markup] of kinds) {
      const doc = parseHtml(
        `<html><body><section>${markup}<p>x</p></div></section></body></html>`,
        'https://a.de/',
      );
      const found = detectContacts(doc.querySelector('section')!, { url: 'https://a.de/' });
      expect(found.flatMap((c) => c.evidence.map((e) => e.detector))).toContain(detector);
    }
  });

  test('JSON-LD @graph, arrays, sameAs and broken JSON', () => {
    const contacts = html(`<script type="application/ld+json">{ broken </script>
      <script type="application/ld+json">{"@context":"https://schema.org","@graph":[
        {"@type":"Organization","name":"Beta AG","employee":[{"@type":"Person","name":"Tom Berg","email":"tom@beta.ch","sameAs":["https://www.linkedin.com/in/tomberg"]}]},
        {"@type":["Person"],"givenName":"Lea","familyName":"Roth","worksFor":{"@type":"Organization","name":"Gamma GmbH"},"email":"mailto:lea@gamma.de"}]}</script>`);
    expect(byName(contacts, 'Tom Berg')).toMatchObject({
      company: 'Beta AG',
      profiles: ['https://www.linkedin.com/in/tomberg'],
    });
    expect(byName(contacts, 'Lea Roth')).toMatchObject({ company: 'Gamma GmbH', emails: ['lea@gamma.de'] });
  });

  const linkedin = corpus(
    'microformats-parser/test/suites/experimental/metaformats-og-profile-linkedin.html',
  );
  test.runIf(linkedin.present)('a LinkedIn-style profile page from its Open Graph metadata', () => {
    const file = linkedin.path;
    const contacts = detectContacts(
      parseHtml(readFileSync(file, 'utf8'), 'https://www.linkedin.com/in/tantek'),
    );
    expect(contacts[0]).toMatchObject({
      name: 'Tantek Çelik',
      title: 'Web Standards Lead',
      company: 'Mozilla Corporation',
      profiles: ['https://www.linkedin.com/in/tantek'],
    });
  });
});

describe('never a contact', () => {
  test('look-alikes, code, templates, form values and hidden text yield nothing', () => {
    expect(page('lookalikes.html', 'https://example.com/')).toEqual([]);
  });

  test('what the user types in an editable region is not a contact; styled text still is', () => {
    const found = html(
      `<div contenteditable="true"><p>Draft to jane.roe@acme.io</p><div><b>Max Muster</b> max@acme.io</div></div>` +
        `<div contenteditable="plaintext-only">ping lea@acme.io</div>` +
        `<p style="color: red">Write to Olaf Berg &lt;olaf.berg@acme.io&gt;</p>` +
        `<p style="display:none">hidden@acme.io</p>`,
    );
    expect(found.map((c) => c.emails[0])).toEqual(['olaf.berg@acme.io']);
  });

  test('free-mail addresses get no company domain', () => {
    const [c] = html('<p>Jane Roe &lt;jane.roe@gmail.com&gt;</p>');
    expect(c).toMatchObject({ name: 'Jane Roe', emails: ['jane.roe@gmail.com'], companyDomain: undefined });
  });

  test('hostile names stay text and bidi controls are stripped', () => {
    const [c] = html(
      `<div><h3>Eve\u202EliveD Attacker</h3><p>CEO &lt;img src=x onerror=alert(1)&gt;</p><a href="mailto:eve@evil.io">x</a></div>`,
    );
    expect(c?.name).toBe('EveliveD Attacker');
    expect(c?.title).toBe('CEO <img src=x onerror=alert(1)>');
  });
});

describe('helpers', () => {
  test('names', () => {
    for (const n of [
      'Jane Doe',
      'Ursula von der Leyen',
      'Dr. Anna Schmidt',
      'José Álvarez-Núñez',
      'محمد علي',
    ]) {
      expect(looksLikePersonName(n), n).toBe(true);
    }
    for (const n of [
      'Contact us',
      'Unser Team',
      'jane doe',
      'Jane',
      'Order 12345',
      'Read More Now About Our Great Team Today',
    ]) {
      expect(looksLikePersonName(n), n).toBe(false);
    }
  });

  test('title and company splitting', () => {
    expect(splitTitleCompany('CTO at Acme')).toEqual({ title: 'CTO', company: 'Acme' });
    expect(splitTitleCompany('Leiterin Einkauf bei Müller GmbH')).toEqual({
      title: 'Leiterin Einkauf',
      company: 'Müller GmbH',
    });
    expect(splitTitleCompany('Head of Sales')).toEqual({ title: 'Head of Sales' });
  });

  test('obfuscations, only when unambiguous', () => {
    const found = (t: string) => findEmailsInText(t).map((m) => m.email.display);
    expect(found('jane [at] acme [dot] io')).toEqual(['jane@acme.io']);
    expect(found('jane(at)acme.io')).toEqual(['jane@acme.io']);
    expect(found('max (at) firma (punkt) de')).toEqual(['max@firma.de']);
    expect(found('write jane at acme dot io')).toEqual(['jane@acme.io']);
    expect(found('We met at noon and looked at the dot matrix')).toEqual([]);
    expect(found('Meet Jane at Acme. Dot.')).toEqual([]);
  });

  test('phone region from the URL, then the language', () => {
    expect(guessRegion('https://acme.de/x', 'en')).toBe('DE');
    expect(guessRegion('https://acme.co.uk/', undefined)).toBe('GB');
    expect(guessRegion('https://acme.com/', 'de-AT')).toBe('AT');
    expect(guessRegion('https://acme.com/', 'de')).toBe('DE');
    expect(guessRegion(undefined, undefined)).toBeUndefined();
  });
});

describe('big pages', () => {
  test('5,000 contacts in cards are all found, once each', () => {
    const cards = Array.from(
      { length: 5000 },
      (_, i) =>
        `<div class="c"><h4>Person Number${String.fromCharCode(65 + (i % 26))}${i.toString(36).replace(/\d/g, (d) => 'abcdefghij'[+d]!)}</h4><p>Manager Team ${String.fromCharCode(65 + (i % 26))}</p><a href="mailto:p${i}@firm${i % 97}.com">mail</a></div>`,
    ).join('');
    const contacts = html(`<html><body>${cards}</body></html>`, 'https://firm.com/');
    expect(contacts).toHaveLength(5000);
    expect(contacts.every((c) => c.name && c.emails.length === 1 && c.title?.startsWith('Manager'))).toBe(
      true,
    );
  });
});
