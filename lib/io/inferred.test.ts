import { describe, expect, test } from 'vitest';
import { guessedContact } from '../contacts/address-pattern/test-fixtures';
import { EXPORT_COLUMNS, exportCsv, guessMapping, mapRows, parseCsv } from './csv';
import { parseVCards, toVCard4 } from './vcard';

const contact = guessedContact({
  id: 'c1',
  phones: ['+49301234567'],
  title: 'CFO',
  company: 'Acme Maschinenbau GmbH',
  companyDomain: 'acme-maschinenbau.de',
});

describe('exports mark a guessed address as inferred', () => {
  test('CSV: its own columns, never the Email column; an import reads no address from them', () => {
    const csv = exportCsv([contact], () => undefined);
    const parsed = parseCsv(csv);
    const row = Object.fromEntries(parsed.headers.map((h, i) => [h, parsed.rows[0]!.cells[i]]));
    expect(parsed.headers).toEqual([...EXPORT_COLUMNS]);
    expect(row).toMatchObject({
      Email: '',
      'Inferred Email': 'bjoern.koehler@acme-maschinenbau.de',
      'Inferred Email Evidence':
        'inferred, not verified: 4 of 5 known addresses at acme-maschinenbau.de are first.last',
      'Inferred Email Confidence': '0.67',
    });
    const mapping = guessMapping(parsed.headers);
    expect(mapping[parsed.headers.indexOf('Inferred Email')]).toBeNull();
    expect(mapRows(parsed, mapping).inputs[0]?.input.emails).toEqual([]);
    const { proposedEmail: _p, ...plain } = contact;
    expect(parseCsv(exportCsv([plain], () => undefined)).rows[0]!.cells.slice(-3)).toEqual(['', '', '']);
  });

  test('vCard: an X- property with the evidence as parameters, no EMAIL; import ignores it', () => {
    const text = toVCard4([contact]);
    expect(text).not.toMatch(/^EMAIL/m);
    expect(text.replace(/\r\n /g, '')).toContain(
      'X-PIPELINE-SCOUT-INFERRED-EMAIL;X-INFERRED=TRUE;X-PATTERN="first.last";X-CONFIDENCE=0.67;' +
        'X-EVIDENCE="4 of 5 known addresses at acme-maschinenbau.de are first.last":bjoern.koehler@acme-maschinenbau.de',
    );
    const back = parseVCards(text);
    expect(back.errors).toEqual([]);
    expect(back.contacts[0]).toMatchObject({ name: 'Björn Köhler', emails: [] });
  });
});
