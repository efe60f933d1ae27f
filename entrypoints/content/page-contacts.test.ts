import { describe, expect, test } from 'vitest';
import type { DetectedContact, ScanUpdate } from '@/lib/detect';
import { pageContacts } from './page-contacts';

const person = (email: string, name = 'Kim Lee'): DetectedContact => ({
  name,
  emails: [email],
  phones: [],
  profiles: [],
  confidence: 0.9,
  evidence: [],
});
const full = (all: DetectedContact[]): ScanUpdate => ({ all, changed: all, initial: true });
const delta = (changed: DetectedContact[]): ScanUpdate => ({
  get all(): DetectedContact[] {
    throw new Error('a delta is applied without the whole page');
  },
  changed,
  initial: false,
});

describe('page contacts', () => {
  test('a full picture replaces what came before; a delta adds and updates by key', () => {
    const book = pageContacts();
    book.add(full([person('a@x.de'), person('b@x.de')]));
    expect([...book.read().values()].map((c) => c.emails[0])).toEqual(['a@x.de', 'b@x.de']);
    book.add(delta([person('b@x.de', 'Bo Berg'), person('c@x.de')]));
    const after = book.read();
    expect(after.size).toBe(3);
    expect([...after.values()].find((c) => c.emails[0] === 'b@x.de')?.name).toBe('Bo Berg');
    book.add(full([person('d@x.de')]));
    expect([...book.read().values()].map((c) => c.emails[0])).toEqual(['d@x.de']);
  });

  test('updates are only kept when they arrive: the whole page is read once, when asked for', () => {
    const book = pageContacts();
    let reads = 0;
    const all = [person('a@x.de')];
    const counted: ScanUpdate = {
      get all() {
        reads++;
        return all;
      },
      changed: all,
      initial: true,
    };
    book.add(delta([person('z@x.de')]));
    book.add(counted);
    expect(reads).toBe(0);
    // The full picture made the earlier delta moot; it is read once, however often contacts are read.
    expect([...book.read().keys()]).toHaveLength(1);
    book.read();
    expect(reads).toBe(1);
  });
});
