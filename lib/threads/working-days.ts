/**
 * Working days (Monday to Friday) in the rep's time zone: a follow-up due "3 working days after
 * Friday 17:00 in Berlin" is Wednesday 17:00 in Berlin, whatever the machine's zone or DST.
 */

interface WallTime {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
  second: number;
}

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatterOf(timeZone: string): Intl.DateTimeFormat {
  let f = formatters.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
    });
    formatters.set(timeZone, f);
  }
  return f;
}

/** Whether the runtime knows the zone ("Europe/Berlin"); an unknown one falls back to UTC. */
export function validTimeZone(timeZone: string | undefined): string {
  if (!timeZone) return 'UTC';
  try {
    formatterOf(timeZone);
    return timeZone;
  } catch {
    return 'UTC';
  }
}

function wallTimeOf(at: number, timeZone: string): WallTime {
  const parts = Object.fromEntries(
    formatterOf(timeZone)
      .formatToParts(new Date(at))
      .map((p) => [p.type, Number(p.value)]),
  ) as Record<string, number | undefined>;
  const part = (name: string) => parts[name] ?? 0;
  return {
    year: part('year'),
    month: part('month'),
    day: part('day'),
    hour: part('hour'),
    minute: part('minute'),
    second: part('second'),
  };
}

/** The instant a wall time has in a zone (the earlier one in a DST overlap, shifted past a gap). */
function instantOf(wall: WallTime, timeZone: string): number {
  const asUtc = Date.UTC(wall.year, wall.month - 1, wall.day, wall.hour, wall.minute, wall.second);
  let guess = asUtc;
  for (let i = 0; i < 3; i++) {
    const seen = wallTimeOf(guess, timeZone);
    const seenUtc = Date.UTC(seen.year, seen.month - 1, seen.day, seen.hour, seen.minute, seen.second);
    const next = guess + (asUtc - seenUtc);
    if (next === guess) break;
    guess = next;
  }
  return guess;
}

/** 0 = Sunday … 6 = Saturday of a calendar date (a date's weekday does not depend on the zone). */
function weekday(year: number, month: number, day: number): number {
  return new Date(Date.UTC(year, month - 1, day)).getUTCDay();
}

export function isWorkingDay(at: number, timeZone: string): boolean {
  const w = wallTimeOf(at, validTimeZone(timeZone));
  const d = weekday(w.year, w.month, w.day);
  return d !== 0 && d !== 6;
}

/**
 * `days` working days after `at`, at the same wall-clock time in `timeZone`. A start on a
 * weekend counts from the following Monday's same time: Saturday + 1 working day is Tuesday.
 */
export function addWorkingDays(at: number, days: number, timeZone: string): number {
  const zone = validTimeZone(timeZone);
  const wall = wallTimeOf(at, zone);
  const date = new Date(Date.UTC(wall.year, wall.month - 1, wall.day));
  const isWeekend = () => date.getUTCDay() === 0 || date.getUTCDay() === 6;
  while (isWeekend()) date.setUTCDate(date.getUTCDate() + 1);
  let left = Math.max(0, Math.floor(days));
  while (left > 0) {
    date.setUTCDate(date.getUTCDate() + 1);
    if (!isWeekend()) left--;
  }
  return instantOf(
    { ...wall, year: date.getUTCFullYear(), month: date.getUTCMonth() + 1, day: date.getUTCDate() },
    zone,
  );
}
