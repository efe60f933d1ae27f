import { describe, expect, test } from 'vitest';
import fc from 'fast-check';
import { openTestStore } from '../db/test-store';
import { StoreError } from '../db/errors';
import { guessMapping, mapRows, parseCsv } from './csv';
import { parseJCard, parseVCards } from './vcard';
import { createBackup, planRestore } from './backup';
import { upsertContact } from '../db';

/** Either a result or an Error with a message a rep can read: never a crash of another kind. */
function readable(run: () => unknown) {
  try {
    run();
  } catch (error) {
    expect(error).toBeInstanceOf(Error);
    expect((error as Error).message.length).toBeGreaterThan(0);
  }
}

const csvText = fc.oneof(
  fc.string({ unit: 'grapheme', maxLength: 400 }),
  fc
    .array(
      fc.array(
        fc.oneof(fc.string({ maxLength: 30 }), fc.constantFrom('"', '""', ',', '\r\n', '=1+1', '\u202E')),
        { maxLength: 6 },
      ),
      {
        maxLength: 8,
      },
    )
    .map((rows) => ['Email,Full Name,Tags,Website', ...rows.map((r) => r.join(','))].join('\r\n')),
);

describe('fuzzing the parsers (fast-check)', () => {
  test('CSV: any text parses and maps without throwing; every error names a line', () => {
    fc.assert(
      fc.property(csvText, (text) => {
        const parsed = parseCsv(text);
        const mapped = mapRows(parsed, guessMapping(parsed.headers));
        for (const e of mapped.errors) expect(Number.isInteger(e.line)).toBe(true);
        for (const { input } of mapped.inputs) expect(typeof (input.name ?? '')).toBe('string');
      }),
      { numRuns: 300 },
    );
  });

  test('vCard and jCard: any text gives contacts and errors, or a readable error', () => {
    const card = fc
      .array(
        fc.oneof(
          fc.constantFrom(
            'BEGIN:VCARD',
            'END:VCARD',
            'VERSION:3.0',
            'VERSION:4.0',
            'FN:',
            'EMAIL:a@b.de',
            'N:;;;;',
            ' folded',
          ),
          fc.string({ maxLength: 40 }),
        ),
        { maxLength: 12 },
      )
      .map((lines) => lines.join('\r\n'));
    fc.assert(
      fc.property(fc.oneof(card, fc.string({ maxLength: 300 })), (text) => {
        readable(() => parseVCards(text));
        readable(() => parseJCard(text));
      }),
      { numRuns: 300 },
    );
    fc.assert(
      fc.property(fc.jsonValue({ maxDepth: 4 }), (value) =>
        readable(() => parseJCard(JSON.stringify(value))),
      ),
      { numRuns: 200 },
    );
  });

  test('backup: any JSON, or a real backup with a field mutated, is planned or refused as invalid', async () => {
    const store = await openTestStore();
    await upsertContact(store, { name: 'Jane Doe', emails: ['jane@acme.de'], tags: ['a'] });
    const real = await createBackup(store);
    const paths = ['format', 'schemaVersion', 'counts', 'checksum', 'data', 'exportedAt'];
    await fc.assert(
      fc.asyncProperty(
        fc.oneof(
          fc.jsonValue({ maxDepth: 4 }).map((v) => JSON.stringify(v)),
          fc
            .tuple(fc.constantFrom(...paths), fc.jsonValue({ maxDepth: 3 }))
            .map(([key, value]) => JSON.stringify({ ...real, [key]: value })),
          fc.string({ maxLength: 200 }),
        ),
        async (json) => {
          try {
            await planRestore(store, json);
          } catch (error) {
            expect(error).toBeInstanceOf(StoreError);
            expect((error as StoreError).code).toBe('invalid');
          }
        },
      ),
      { numRuns: 300 },
    );
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });
});
