import { describe, expect, test } from 'vitest';
import { domainsToLearn, pageCompanyDomain, proposeForPage, type PagePerson } from './page';

const team: PagePerson[] = [
  {
    name: 'Jürgen Müller',
    emails: ['juergen.mueller@acme-industrie.de'],
    companyDomain: 'acme-industrie.de',
  },
  { name: 'Anna Schäfer', emails: ['anna.schaefer@acme-industrie.de'], companyDomain: 'acme-industrie.de' },
  { name: 'Thomas Becker', emails: ['thomas.becker@acme-industrie.de'], companyDomain: 'acme-industrie.de' },
  { name: 'Björn Köhler', emails: [] },
  { name: 'Sabine Groß', emails: ['sabine.gross@gmail.com'] },
  { name: 'Kontakt', emails: ['info@acme-industrie.de'], role: true, companyDomain: 'acme-industrie.de' },
];

describe('proposals for a page', () => {
  test('people without a company address get the page company pattern', () => {
    const proposals = proposeForPage(team, [], 'https://www.acme-industrie.de/team');
    expect(proposals.map((p) => p?.address)).toEqual([
      undefined,
      undefined,
      undefined,
      'bjoern.koehler@acme-industrie.de',
      'sabine.gross@acme-industrie.de',
      undefined,
    ]);
    expect(proposals[3]).toMatchObject({ matching: 3, total: 3, pattern: 'first.last' });
  });

  test('the store adds evidence: a page with one address and four stored at the company', () => {
    const page: PagePerson[] = [
      { name: 'Pieter de Vries', emails: ['p.devries@voorbeeld.nl'], companyDomain: 'voorbeeld.nl' },
      { name: 'Femke van der Meer', emails: [] },
    ];
    const stored = [
      { name: 'Daan Jansen', email: 'daan.jansen@voorbeeld.nl' },
      { name: 'Lotte Bakker', email: 'lotte.bakker@voorbeeld.nl' },
    ];
    expect(proposeForPage(page, stored, 'https://voorbeeld.nl/over-ons')[1]).toMatchObject({
      address: 'femke.vandermeer@voorbeeld.nl',
      matching: 2,
      total: 3,
    });
  });

  test('a page whose only addresses are role accounts proposes nothing', () => {
    const page: PagePerson[] = [
      { name: 'Vertrieb', emails: ['vertrieb@acme-industrie.de'], role: true },
      { name: 'Marie Dubois', emails: ['info@acme-industrie.de'] },
      { name: 'Luc Martin', emails: [] },
    ];
    expect(domainsToLearn(page, 'http://127.0.0.1/kontakt')).toEqual(['acme-industrie.de']);
    expect(proposeForPage(page, [], 'http://127.0.0.1/kontakt')).toEqual([undefined, undefined, undefined]);
  });

  test("a role address beside a name is not the person's own: with evidence, they get a guess", () => {
    const page: PagePerson[] = [
      { name: 'Marie Dubois', emails: ['contact@exemple-groupe.fr'] },
      { name: 'Luc Martin', emails: ['luc.martin@exemple-groupe.fr'] },
      { name: 'Chloé Bernard', emails: ['chloe.bernard@exemple-groupe.fr'] },
    ];
    expect(proposeForPage(page, [], undefined)[0]?.address).toBe('marie.dubois@exemple-groupe.fr');
  });

  test('the page company: the addresses agree, else the page host; never free mail', () => {
    expect(pageCompanyDomain(team, 'http://127.0.0.1:8080/team.html')).toBe('acme-industrie.de');
    expect(pageCompanyDomain([{ name: 'Luc Martin', emails: [] }], 'https://www.societe.fr/equipe')).toBe(
      'societe.fr',
    );
    expect(pageCompanyDomain([], 'https://outlook.com/mail/0/inbox')).toBeUndefined();
    expect(pageCompanyDomain([], 'not a url')).toBeUndefined();
    const roleOnly = [{ name: 'Petra Lange', emails: ['vertrieb@kontor-logistik.de'] }];
    expect(pageCompanyDomain(roleOnly, 'https://www.kontor-logistik.de/')).toBe('kontor-logistik.de');
    expect(pageCompanyDomain(roleOnly, undefined)).toBe('kontor-logistik.de');
    expect(domainsToLearn(team, undefined)).toEqual(['acme-industrie.de']);
  });
});
