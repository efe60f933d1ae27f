import { describe, expect, test } from 'vitest';
import { classify, learnPatterns } from './learn';

describe('learning a domain pattern', () => {
  test('counts named personal addresses per registrable domain', () => {
    const learnt = learnPatterns([
      { email: 'juergen.mueller@bosch-rexroth.de', name: 'Jürgen Müller' },
      { email: 'anna.schaefer@mail.bosch-rexroth.de', name: 'Dr. Anna Schäfer' },
      { email: 'k.weiss@bosch-rexroth.de', name: 'Klaus Weiß' },
      { email: 'info@bosch-rexroth.de', name: 'Info Team' },
      { email: 'vertrieb@bosch-rexroth.de' },
      { email: 'jane.doe@gmail.com', name: 'Jane Doe' },
      { email: 'jm@other.fr' },
    ]);
    const e = learnt.get('bosch-rexroth.de')!;
    expect(e.total).toBe(3);
    expect(e.counts).toEqual({ 'first.last': 2, 'f.last': 1 });
    expect(e.styles.umlaut).toEqual({ expand: 2 });
    expect(e.mailDomain).toBe('bosch-rexroth.de');
    expect(e.known.has('info@bosch-rexroth.de')).toBe(true);
    expect(learnt.has('gmail.com')).toBe(false);
    expect(learnt.get('other.fr')?.total).toBe(0);
  });

  test('role addresses never count, even with a person-like name beside them', () => {
    const learnt = learnPatterns([
      { email: 'sales@acme.de', name: 'Sales Team' },
      { email: 'info@acme.de', name: 'Anna Schmidt' },
      { email: 'kontakt@acme.de', name: 'Max Mustermann' },
    ]);
    expect(learnt.get('acme.de')?.total).toBe(0);
    expect(learnt.get('acme.de')?.counts).toEqual({});
  });

  test('the same address twice counts once, and a later copy may bring the name', () => {
    const learnt = learnPatterns([
      { email: 'Marie.Dubois@Capgemini.fr' },
      { email: 'marie.dubois@capgemini.fr', name: 'Marie Dubois' },
      { email: 'MARIE.DUBOIS@capgemini.fr', name: 'Marie Dubois' },
    ]);
    expect(learnt.get('capgemini.fr')).toMatchObject({ total: 1, counts: { 'first.last': 1 } });
  });

  test('an address that follows no pattern counts in the total only', () => {
    const learnt = learnPatterns([
      { email: 'jdb42@philips.nl', name: 'Jan de Boer' },
      { email: 'jan.deboer@philips.nl', name: 'Jan de Boer' },
    ]);
    expect(learnt.get('philips.nl')).toMatchObject({ total: 2, counts: { 'first.last': 1 } });
  });

  test('classify reads spelling choices only where the name exercises them', () => {
    expect(classify('pieter.berg', 'Pieter van den Berg')).toEqual({
      patterns: ['first.last'],
      style: { particle: ['dropped'] },
    });
    expect(classify('p.van.den.berg', 'Pieter van den Berg').style).toEqual({ particle: ['separated'] });
    expect(classify('mgarcia', 'María García López')).toEqual({
      patterns: ['flast'],
      style: { surnames: ['paternal'] },
    });
    expect(classify('jean-pierre.dupont', 'Jean-Pierre Dupont').style).toEqual({ givenHyphen: ['hyphen'] });
    expect(classify('jane.doe', 'Jane Doe')).toEqual({ patterns: ['first.last'], style: {} });
    // Without a separator, joined and separated particles spell alike: both are given.
    expect(classify('pvandenberg', 'Pieter van den Berg').style).toEqual({
      particle: ['joined', 'separated'],
    });
    expect(classify('jean.dupont', 'Jean Dupont').style).toEqual({});
  });
});
