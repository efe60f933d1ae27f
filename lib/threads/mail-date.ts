/**
 * Reads the date a webmail page shows for a message into an instant, in the page's own time
 * zone (the one the page formats in). Gmail's tooltip ("Mon, 23 Nov 2026, 09:12", "Tue, Jan 5,
 * 2026, 9:00 AM", "Mo., 23. Nov. 2026, 09:12"), Outlook's `datetime` (ISO) or its text
 * ("Mi 25.11.2026 10:30", "Wed 11/25/2026 10:30 AM"). Undefined when it is not a full date.
 */
const MONTHS: Record<string, number> = {
  jan: 1,
  feb: 2,
  mar: 3,
  mär: 3,
  apr: 4,
  may: 5,
  mai: 5,
  jun: 6,
  jul: 7,
  aug: 8,
  sep: 9,
  oct: 10,
  okt: 10,
  nov: 11,
  dec: 12,
  dez: 12,
};

function timeOf(text: string): { hour: number; minute: number; rest: string } | undefined {
  const m = /(\d{1,2}):(\d{2})(?::\d{2})?\s*([ap])?\.?\s*m?\.?(?![a-zäöü])/i.exec(text);
  if (!m) return undefined;
  let hour = Number(m[1]);
  const minute = Number(m[2]);
  const half = m[3]?.toLowerCase();
  if (half === 'p' && hour < 12) hour += 12;
  if (half === 'a' && hour === 12) hour = 0;
  if (hour > 23 || minute > 59) return undefined;
  return { hour, minute, rest: text.slice(0, m.index) + ' ' + text.slice(m.index + m[0].length) };
}

function dateOf(text: string): { year: number; month: number; day: number } | undefined {
  const iso = /(\d{4})-(\d{2})-(\d{2})/.exec(text);
  if (iso) return { year: Number(iso[1]), month: Number(iso[2]), day: Number(iso[3]) };
  const dotted = /(\d{1,2})\.(\d{1,2})\.(\d{4})/.exec(text);
  if (dotted) return { year: Number(dotted[3]), month: Number(dotted[2]), day: Number(dotted[1]) };
  const slashed = /(\d{1,2})\/(\d{1,2})\/(\d{4})/.exec(text);
  if (slashed) {
    const a = Number(slashed[1]);
    const b = Number(slashed[2]);
    return a > 12
      ? { year: Number(slashed[3]), month: b, day: a }
      : { year: Number(slashed[3]), month: a, day: b };
  }
  const year = /\b(\d{4})\b/.exec(text);
  const month = /\b(jan|feb|mär|mar|apr|may|mai|jun|jul|aug|sep|oct|okt|nov|dec|dez)[a-zäöü]*\.?/i.exec(text);
  if (!year || !month) return undefined;
  const rest = text.replace(year[0], ' ');
  const day = /\b(\d{1,2})\b/.exec(rest);
  const monthNumber = MONTHS[(month[1] ?? '').toLowerCase()];
  if (!day || !monthNumber) return undefined;
  return { year: Number(year[1]), month: monthNumber, day: Number(day[1]) };
}

export function parseMailDate(text: string | undefined): number | undefined {
  if (!text) return undefined;
  const clean = text
    .replace(/[\u00a0\u202f]/g, ' ')
    .trim()
    .slice(0, 120);
  if (/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}/.test(clean)) {
    const at = Date.parse(clean);
    return Number.isFinite(at) ? at : undefined;
  }
  const time = timeOf(clean);
  if (!time) return undefined;
  const date = dateOf(time.rest);
  if (!date || date.month < 1 || date.month > 12 || date.day < 1 || date.day > 31) return undefined;
  const at = new Date(date.year, date.month - 1, date.day, time.hour, time.minute).getTime();
  return new Date(at).getDate() === date.day ? at : undefined;
}
