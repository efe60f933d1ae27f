import { describe, expect, test } from 'vitest';
import { Parcels, PIECE_CHARS } from './parcels';

describe('parcels: big text in bounded pieces', () => {
  test('an upload is put together from its pieces in order; a repeated piece is ignored', () => {
    const p = new Parcels();
    p.append('u', 0, 'Email,');
    p.append('u', 1, 'Name\n');
    expect(p.append('u', 1, 'Name\n')).toEqual({ pieces: 2, chars: 11 });
    p.append('u', 2, 'a@b.de,A');
    expect(p.text('u')).toBe('Email,Name\na@b.de,A');
    expect(p.text('u')).toBe('Email,Name\na@b.de,A');
    p.drop('u');
    expect(() => p.text('u')).toThrow(/gone/);
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
});
