import { describe, expect, test } from 'vitest';
import { learnPatterns, type KnownAddress } from './learn';
import { evidenceText, majority, proposeAddress } from './propose';
import { GUESS } from './test-fixtures';

const at = (domain: string, list: [string, string][]): KnownAddress[] =>
  list.map(([name, local]) => ({ name, email: `${local}@${domain}` }));

function propose(known: KnownAddress[], name: string, domain: string) {
  return proposeAddress(name, learnPatterns(known).get(domain));
}

describe('proposing an address', () => {
  test('German: first.last with ue for ü and ss for ß, learnt from the domain', () => {
    const known = at('acme-maschinenbau.de', [
      ['Jürgen Müller', 'juergen.mueller'],
      ['Anna Schäfer', 'anna.schaefer'],
      ['Thomas Becker', 'thomas.becker'],
      ['Sabine Groß', 'sabine.gross'],
      ['Klaus Weber', 'kweber'],
    ]);
    const p = propose(known, 'Dr. Björn Köhler', 'acme-maschinenbau.de')!;
    expect(p).toEqual(GUESS);
    expect(evidenceText(p)).toBe('4 of 5 known addresses at acme-maschinenbau.de are first.last');
  });

  test('a domain that strips umlauts gets stripped spellings', () => {
    const known = at('kuehne-logistik.de', [
      ['Jörg Schröder', 'jorg.schroder'],
      ['Uwe Müller', 'uwe.muller'],
    ]);
    expect(propose(known, 'Günther Bär', 'kuehne-logistik.de')?.address).toBe(
      'gunther.bar@kuehne-logistik.de',
    );
  });

  test('French: flast, accents dropped, hyphenated given names as the domain writes them', () => {
    const known = at('groupe-exemple.fr', [
      ['Jean-Luc Moreau', 'jmoreau'],
      ['Hélène Fabre', 'hfabre'],
      ['Marie-Claire Lefèvre', 'mlefevre'],
    ]);
    expect(propose(known, 'Émilie Château', 'groupe-exemple.fr')?.address).toBe('echateau@groupe-exemple.fr');
    const dotted = at('societe.fr', [
      ['Jean-Luc Moreau', 'jean-luc.moreau'],
      ['Anne Roux', 'anne.roux'],
    ]);
    expect(propose(dotted, 'Marie-Hélène Durand', 'societe.fr')?.address).toBe(
      'marie-helene.durand@societe.fr',
    );
  });

  test('Dutch: particles follow the domain (dropped here), f.last', () => {
    const known = at('rabo-voorbeeld.nl', [
      ['Pieter van den Berg', 'p.berg'],
      ['Sanne de Vries', 's.vries'],
      ['Daan Jansen', 'd.jansen'],
    ]);
    const p = propose(known, 'Femke van der Meer', 'rabo-voorbeeld.nl')!;
    expect(p.address).toBe('f.meer@rabo-voorbeeld.nl');
    expect(p.assumed).toEqual([]);
  });

  test('Dutch without particle evidence: joined by default, and marked as assumed', () => {
    const known = at('voorbeeld.nl', [
      ['Daan Jansen', 'daan.jansen'],
      ['Lotte Bakker', 'lotte.bakker'],
    ]);
    const p = propose(known, 'Femke van der Meer', 'voorbeeld.nl')!;
    expect(p.address).toBe('femke.vandermeer@voorbeeld.nl');
    expect(p.assumed).toEqual(['particle']);
    expect(p.confidence).toBeCloseTo((2 / 3) * 0.85, 2);
  });

  test('Spanish: the first surname on a Spanish domain, both when the domain shows it', () => {
    const known = at('telefonica-ejemplo.es', [
      ['Carlos Ruiz', 'cruiz'],
      ['Lucía Fernández', 'lfernandez'],
    ]);
    expect(propose(known, 'María García López', 'telefonica-ejemplo.es')?.address).toBe(
      'mgarcia@telefonica-ejemplo.es',
    );
    const both = at('ejemplo.es', [
      ['José Martínez Soto', 'jose.martinezsoto'],
      ['Ana Pérez', 'ana.perez'],
    ]);
    expect(propose(both, 'Íñigo Sánchez Ortega', 'ejemplo.es')?.address).toBe(
      'inigo.sanchezortega@ejemplo.es',
    );
  });

  test('mixed patterns: the majority wins, a tie proposes nothing', () => {
    const mixed = at('example-gmbh.de', [
      ['Anna Schmidt', 'anna.schmidt'],
      ['Peter Wolf', 'pwolf'],
      ['Lena Braun', 'lena.braun'],
    ]);
    expect(propose(mixed, 'Tim Vogel', 'example-gmbh.de')).toMatchObject({
      address: 'tim.vogel@example-gmbh.de',
      matching: 2,
      total: 3,
    });
    const tie = at('example-gmbh.de', [
      ['Anna Schmidt', 'anna.schmidt'],
      ['Peter Wolf', 'pwolf'],
    ]);
    expect(propose(tie, 'Tim Vogel', 'example-gmbh.de')).toBeUndefined();
  });

  test('no evidence, only role addresses, or only unnamed addresses: nothing', () => {
    expect(proposeAddress('Tim Vogel', undefined)).toBeUndefined();
    const roles = at('acme.de', [
      ['Info', 'info'],
      ['Vertrieb Team', 'vertrieb'],
      ['Anna Schmidt', 'sales'],
    ]);
    expect(propose(roles, 'Tim Vogel', 'acme.de')).toBeUndefined();
    expect(propose([{ email: 'anna.schmidt@acme.de' }], 'Tim Vogel', 'acme.de')).toBeUndefined();
  });

  test('never proposes an address somebody already has', () => {
    const known = at('acme.de', [
      ['Anna Schmidt', 'anna.schmidt'],
      ['Tim Vogel', 'tim.vogel'],
    ]);
    expect(propose(known, 'Tim Vogel', 'acme.de')).toBeUndefined();
  });

  test('a given initial works with initial patterns only', () => {
    const known = at('acme.io', [
      ['Jane Doe', 'jdoe'],
      ['Mark Lee', 'mlee'],
    ]);
    expect(propose(known, 'R. Smith', 'acme.io')?.address).toBe('rsmith@acme.io');
    const full = at('acme.io', [['Jane Doe', 'jane.doe']]);
    expect(propose(full, 'R. Smith', 'acme.io')).toBeUndefined();
  });

  test('the mail host most addresses use, and more evidence more confidence', () => {
    const known = at('mail.acme.co.uk', [
      ['Jane Doe', 'jane.doe'],
      ['Mark Lee', 'mark.lee'],
    ]);
    const p = propose(known, 'Ian Hunt', 'acme.co.uk')!;
    expect(p.address).toBe('ian.hunt@mail.acme.co.uk');
    const more = propose(
      at('acme.co.uk', [
        ['Jane Doe', 'jane.doe'],
        ['Mark Lee', 'mark.lee'],
        ['Ann Poe', 'ann.poe'],
        ['Rob Roy', 'rob.roy'],
      ]),
      'Ian Hunt',
      'acme.co.uk',
    )!;
    expect(more.confidence).toBeGreaterThan(p.confidence);
  });

  test('majority', () => {
    expect(majority({ a: 3, b: 1 })).toEqual(['a', 3]);
    expect(majority({ a: 2, b: 2 })).toBeUndefined();
    expect(majority({})).toBeUndefined();
  });
});
