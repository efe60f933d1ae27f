import { describe, expect, test } from 'vitest';
import { Parcels, PIECE_CHARS, RESULT_IDLE_MS } from './parcels';

describe('parcels: big text in bounded pieces', () => {
  test('an upload is put together from its pieces in order; a repeated piece is ignored', () => {
    const p = new Parcels();
    p.append('u', 0, 'Email,');
    p.append('u', 1, 'Name\n');
    expect(p.append('u', 1, 'Name\n')).toEqual({ pieces: 2, chars: 11 });
    p.append('u', 2, 'a@b.de,A');
    expect(p.text('u', 100)).toBe('Email,Name\na@b.de,A');
    expect(p.text('u', 100)).toBe('Email,Name\na@b.de,A');
    p.drop('u');
    expect(() => p.text('u', 100)).toThrow(/gone/);
  });

  test('a missing piece or an upload the worker forgot is refused with a reason', () => {
    const p = new Parcels();
    expect(() => p.append('u', 3, 'x')).toThrow(/gone/);
    p.append('u', 0, 'a');
    expect(() => p.append('u', 2, 'c')).toThrow(/missing/);
  });

  test('a result goes out in pieces of at most PIECE_CHARS and is forgotten after the last', () => {
    const p = new Parcels(() => 'r');
    const text = 'x'.repeat(PIECE_CHARS * 2 + 5);
    const kept = p.keep(text);
    expect(kept).toEqual({ id: 'r', chars: text.length });
    const parts: string[] = [];
    let offset: number | undefined = 0;
    while (offset !== undefined) {
      const piece = p.piece('r', offset);
      expect(piece.text.length).toBeLessThanOrEqual(PIECE_CHARS);
      parts.push(piece.text);
      offset = piece.next;
    }
    expect(parts).toHaveLength(3);
    expect(parts.join('')).toBe(text);
    expect(() => p.piece('r', 0)).toThrow(/gone/);
  });

  test('bounded: only the newest few parcels are kept', () => {
    let n = 0;
    const p = new Parcels(() => `r${++n}`);
    for (let i = 0; i < 6; i++) p.keep(`file ${i}`);
    expect(() => p.piece('r1', 0)).toThrow(/gone/);
    expect(p.piece('r6', 0).text).toBe('file 5');
  });

  test('an upload past the cap of the kind it is read as is refused and dropped', () => {
    const p = new Parcels();
    p.append('u', 0, 'x'.repeat(60));
    p.append('u', 1, 'x'.repeat(60));
    expect(() => p.text('u', 100)).toThrow(/too big/);
    expect(() => p.text('u', 1_000)).toThrow(/gone/);
    expect(p.held()).toBe(0);
  });

  test('all parcels together are bounded: past the total an upload or a result is refused', () => {
    let n = 0;
    const p = new Parcels(
      () => `r${++n}`,
      () => 0,
      { maxTotal: 100 },
    );
    p.append('a', 0, 'x'.repeat(40));
    p.keep('y'.repeat(40));
    expect(() => p.append('b', 0, 'z'.repeat(30))).toThrow(/at once/);
    expect(() => p.text('b', 1_000)).toThrow(/gone/);
    expect(() => p.keep('y'.repeat(30))).toThrow(/at once/);
    expect(p.held()).toBe(80);
    // Dropping the upload makes room again.
    p.drop('a');
    expect(p.keep('y'.repeat(30)).id).toBe('r2');
    expect(p.held()).toBe(70);
  });

  test('a result nobody fetches is dropped after a while; one being fetched stays', () => {
    let now = 0;
    let n = 0;
    const p = new Parcels(
      () => `r${++n}`,
      () => now,
    );
    const text = 'x'.repeat(PIECE_CHARS + 1);
    p.keep('abandoned');
    p.keep(text);
    now += RESULT_IDLE_MS - 1;
    expect(p.piece('r2', 0).next).toBe(PIECE_CHARS);
    now += 2;
    expect(() => p.piece('r1', 0)).toThrow(/gone/);
    expect(p.piece('r2', PIECE_CHARS).text).toBe('x');
    expect(p.held()).toBe(0);
  });
});
