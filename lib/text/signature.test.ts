import { describe, expect, test } from 'vitest';
import { parseSignature, signatureBlock } from './signature';

describe('signature', () => {
  test('a Portuguese closing: the greeting is never the title, the closing never the company', () => {
    const sig = parseSignature(
      [
        'Olá Sam,',
        'obrigado pela proposta, vamos analisar.',
        'Atenciosamente,',
        'João Silva',
        'Diretor Comercial',
        'Vidros Lusos Lda.',
      ],
      { region: 'PT' },
    );
    expect(sig).toEqual({
      name: 'João Silva',
      title: 'Diretor Comercial',
      company: 'Vidros Lusos Lda.',
      phones: [],
    });
  });

  test('without a closing a greeting and prose are never read as title or company', () => {
    expect(parseSignature(['Bonjour,', 'sounds good.', 'Merci'])).toBeUndefined();
    expect(parseSignature(['Hi Sam,', 'see you on Monday.'])).toBeUndefined();
  });

  test('two labelled phones on one line, and fax kept apart', () => {
    expect(
      parseSignature(
        [
          'Viele Grüße',
          'Jana Schubert',
          'Einkauf',
          'Acme GmbH',
          'Tel. 030 1234567 · Mobil 0171 2345678',
          'Fax 030 1234599',
        ],
        { region: 'DE' },
      ),
    ).toEqual({
      name: 'Jana Schubert',
      title: 'Einkauf',
      company: 'Acme GmbH',
      phones: ['+49301234567', '+491712345678'],
      fax: '+49301234599',
    });
    expect(
      parseSignature([
        'Best,',
        'Ann Lee',
        'Phone: +44 20 7946 0000 | Cell: +44 7700 900123 / Fax: +44 20 7946 0001',
      ])?.phones,
    ).toEqual(['+442079460000', '+447700900123']);
  });

  test('mobile labels of other languages', () => {
    expect(
      parseSignature(['Atenciosamente,', 'João Silva', 'Tel. +351 21 123 4567 · Telemóvel +351 912 345 678'])
        ?.phones,
    ).toEqual(['+351211234567', '+351912345678']);
    expect(
      parseSignature(['Cordialement,', 'Claire Martin', 'Portable : +33 6 12 34 56 78'])?.phones,
    ).toEqual(['+33612345678']);
  });

  test('"Company | Tel." on one line: the phone is taken, the company kept', () => {
    expect(
      parseSignature(['Kind regards', 'Ann Lee', 'Head of Sales', 'Northwind Ltd | T +44 20 7946 0000']),
    ).toEqual({
      name: 'Ann Lee',
      title: 'Head of Sales',
      company: 'Northwind Ltd',
      phones: ['+442079460000'],
    });
  });

  test('addresses, links, e-mail lines and legal footers are not the signature', () => {
    const sig = parseSignature(
      [
        'Mit freundlichen Grüßen',
        'Markus Weber',
        'Leiter Einkauf',
        'Acme Industrie GmbH',
        'Hauptstraße 5',
        '10115 Berlin',
        'markus.weber@acme-industrie.de',
        'www.acme-industrie.de',
        'Sitz der Gesellschaft: Berlin',
        'Registergericht: Amtsgericht Charlottenburg, HRB 12345',
        'Geschäftsführer: Hans Muster',
      ],
      { region: 'DE' },
    );
    expect(sig).toEqual({
      name: 'Markus Weber',
      title: 'Leiter Einkauf',
      company: 'Acme Industrie GmbH',
      phones: [],
      website: 'https://www.acme-industrie.de',
    });
  });

  test('a forwarded header ends the signature', () => {
    expect(
      parseSignature(['Cordialement,', 'Claire Martin', 'Acheteuse', 'De : Rita Rep', 'Envoyé : lundi']),
    ).toEqual({ name: 'Claire Martin', title: 'Acheteuse', phones: [] });
  });

  test('the title seam: a lexicon can refuse a line as the title', () => {
    const lines = ['Regards', 'Ann Lee', 'Building 4, Floor 2', 'Northwind Ltd'];
    // The shared lexicon refuses an address line as the title; a caller's predicate overrides it.
    expect(parseSignature(lines, { isTitle: () => true })?.title).toBe('Building 4');
    expect(parseSignature(lines)).toEqual({
      name: 'Ann Lee',
      company: 'Northwind Ltd',
      phones: [],
    });
  });

  test('the block: from the closing, else the trailing short lines, ending before a legal footer', () => {
    expect(signatureBlock(['Hello', 'text here is long enough to be prose.', 'Thanks,', 'Noam'])).toEqual({
      start: 3,
      end: 4,
      closing: 2,
      name: undefined,
    });
    expect(signatureBlock(['I limited it to the homepage.', '', 'Stavros X', 'via mobile'])).toEqual({
      start: 2,
      end: 4,
    });
    expect(signatureBlock(['ok', 'That would be awesome! Really cool shirts!']).start).toBe(2);
  });
});
