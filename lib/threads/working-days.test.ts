import { describe, expect, test } from 'vitest';
import { addWorkingDays, isWorkingDay, validTimeZone } from './working-days';

const iso = (at: number) => new Date(at).toISOString();

describe('addWorkingDays', () => {
  test('skips the weekend', () => {
    // Friday 2026-01-09 10:00 UTC + 1 working day = Monday 2026-01-12 10:00 UTC
    expect(iso(addWorkingDays(Date.UTC(2026, 0, 9, 10), 1, 'UTC'))).toBe('2026-01-12T10:00:00.000Z');
    expect(iso(addWorkingDays(Date.UTC(2026, 0, 5, 10), 3, 'UTC'))).toBe('2026-01-08T10:00:00.000Z');
    expect(iso(addWorkingDays(Date.UTC(2026, 0, 9, 10), 5, 'UTC'))).toBe('2026-01-16T10:00:00.000Z');
  });

  test('a weekend start counts from Monday', () => {
    expect(iso(addWorkingDays(Date.UTC(2026, 0, 10, 12), 1, 'UTC'))).toBe('2026-01-13T12:00:00.000Z');
    expect(iso(addWorkingDays(Date.UTC(2026, 0, 11, 12), 0, 'UTC'))).toBe('2026-01-12T12:00:00.000Z');
  });

  test('the weekday is the one in the rep’s zone, not in UTC', () => {
    // Friday 23:30 UTC is already Saturday 08:30 in Tokyo: + 1 working day = Tuesday 08:30 Tokyo.
    const friLate = Date.UTC(2026, 0, 9, 23, 30);
    expect(iso(addWorkingDays(friLate, 1, 'Asia/Tokyo'))).toBe('2026-01-12T23:30:00.000Z');
    // The same instant in New York is Friday 18:30: + 1 working day = Monday 18:30 New York.
    expect(iso(addWorkingDays(friLate, 1, 'America/New_York'))).toBe('2026-01-12T23:30:00.000Z');
    // Sunday 23:00 UTC is Monday 00:00 in Berlin (a working day): + 1 = Tuesday 00:00 Berlin.
    expect(iso(addWorkingDays(Date.UTC(2026, 0, 11, 23), 1, 'Europe/Berlin'))).toBe(
      '2026-01-12T23:00:00.000Z',
    );
    expect(iso(addWorkingDays(Date.UTC(2026, 0, 11, 23), 1, 'UTC'))).toBe('2026-01-13T23:00:00.000Z');
  });

  test('keeps the wall-clock time across a DST change', () => {
    // Friday 2026-03-27 09:00 Berlin (UTC+1) + 1 working day = Monday 03-30 09:00 Berlin (UTC+2).
    expect(iso(addWorkingDays(Date.UTC(2026, 2, 27, 8), 1, 'Europe/Berlin'))).toBe(
      '2026-03-30T07:00:00.000Z',
    );
  });

  test('an unknown zone reads as UTC', () => {
    expect(validTimeZone('Mars/Olympus')).toBe('UTC');
    expect(iso(addWorkingDays(Date.UTC(2026, 0, 9, 10), 1, 'Mars/Olympus'))).toBe('2026-01-12T10:00:00.000Z');
  });

  test('isWorkingDay', () => {
    expect(isWorkingDay(Date.UTC(2026, 0, 9, 23, 30), 'UTC')).toBe(true);
    expect(isWorkingDay(Date.UTC(2026, 0, 9, 23, 30), 'Asia/Tokyo')).toBe(false);
  });
});
