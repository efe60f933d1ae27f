import { proposeForPage, type PagePerson } from '../../lib/contacts/address-pattern';
import { compileProfile, DEFAULT_PROFILE } from '../../lib/fit';
import { median, table } from './measure';
import { FAMILY_NAMES, GIVEN_NAMES } from '../../lib/contacts/address-pattern/test-fixtures';

const GIVEN = GIVEN_NAMES.filter((n) => !n.includes(' ') && !n.endsWith('.'));
const FAMILY = FAMILY_NAMES;

/** Letters for a run number, so each run's names are new to every cache ("ba", "bb"…). */
const salt = (run: number) =>
  run.toString(26).replace(/./g, (d) => String.fromCharCode(97 + parseInt(d, 26)));

/** A team page of `n` people at one company, every other one without an address (first.last). */
function teamPage(n: number, run: number): PagePerson[] {
  return Array.from({ length: n }, (_, i) => {
    const given = GIVEN[i % GIVEN.length]!;
    const family = `${FAMILY[(i * 7) % FAMILY.length]!}${salt(run * n + i)}`;
    const name = `${given} ${family}`;
    const local = `${given}.${family}`
      .toLowerCase()
      .replace(/ü/g, 'ue')
      .replace(/ö/g, 'oe')
      .replace(/ß/g, 'ss')
      .normalize('NFD')
      .replace(/[^a-z. -]/g, '')
      .replace(/ /g, '');
    return i % 2 ? { name, emails: [] } : { name, emails: [`${local}@nordwind-maschinenbau.de`] };
  });
}

/**
 * The cost a tab report adds for guessed addresses (learn the page's pattern, propose for the
 * people without one), against the fit scoring every report already does for the same people.
 * "First report": every name new (nothing remembered); "again": the page reported once more.
 */
export async function patternBench(): Promise<string> {
  const profile = compileProfile(DEFAULT_PROFILE);
  const url = 'https://nordwind-maschinenbau.de/team';
  const rows = [];
  for (const n of [100, 1_000]) {
    let run = 0;
    const ms = await median(() => proposeForPage(teamPage(n, ++run), [], url));
    const baselineMs = await median(() => {
      for (const s of teamPage(n, ++run)) profile.evaluate({ ...s, emails: [...s.emails], phones: [] });
    });
    rows.push({
      case: `first report, ${n.toLocaleString('en')}-person team page (half without)`,
      ms,
      baselineMs,
    });
    const page = teamPage(n, 0);
    const again = await median(() => proposeForPage(page, [], url));
    const scoreAgain = await median(() => {
      for (const s of page) profile.evaluate({ ...s, emails: [...s.emails], phones: [] });
    });
    rows.push({
      case: `same page again, ${n.toLocaleString('en')} people`,
      ms: again,
      baselineMs: scoreAgain,
    });
  }
  return table('Guessed addresses (Node)', 'fit scoring of the same people', rows);
}
