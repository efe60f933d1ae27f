import { readFile, stat } from 'node:fs/promises';
import { basename } from 'node:path';
import { combineContacts, detectContacts, type DetectedContact } from '../lib/detect';
import { compileProfile, DEFAULT_PROFILE, parseProfile, type CompiledProfile } from '../lib/fit';
import { mailContacts, mailViewJson, readMailView } from '../lib/webmail';
import { parseHtml } from './parse-html';

export class UsageError extends Error {}

const USAGE = 'usage: npm run scan -- [--url URL] [--criteria profile.json] FILE.html...';

interface Args {
  url?: string;
  criteria?: string;
  files: string[];
}

export function parseArgs(argv: string[]): Args {
  const args: Args = { files: [] };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    if (arg === '--url' || arg === '--criteria') {
      const value = argv[++i];
      if (!value) throw new UsageError(`${arg} needs a value\n${USAGE}`);
      if (arg === '--url') {
        try {
          new URL(value);
        } catch {
          throw new UsageError(`--url is not a URL: ${value}`);
        }
        args.url = value;
      } else args.criteria = value;
    } else if (arg === '--help' || arg === '-h') throw new UsageError(USAGE);
    else if (arg.startsWith('--')) throw new UsageError(`unknown option ${arg}\n${USAGE}`);
    else args.files.push(arg);
  }
  if (!args.files.length) throw new UsageError(`no HTML file given\n${USAGE}`);
  return args;
}

async function loadProfile(path: string | undefined): Promise<CompiledProfile> {
  if (!path) return compileProfile(DEFAULT_PROFILE);
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch {
    throw new UsageError(`cannot read criteria file ${path}`);
  }
  const parsed = parseProfile(text);
  if (!parsed.ok) {
    throw new UsageError(
      `criteria file ${path} is not valid:\n${parsed.issues.map((i) => `  ${i.path || '(file)'}: ${i.message}`).join('\n')}`,
    );
  }
  return compileProfile(parsed.profile);
}

async function readHtml(file: string): Promise<string> {
  let info;
  try {
    info = await stat(file);
  } catch {
    throw new UsageError(`no such file: ${file}`);
  }
  if (!info.isFile()) throw new UsageError(`not a file: ${file}`);
  if (info.size > 50 * 1024 * 1024) throw new UsageError(`file too large (over 50 MB): ${file}`);
  const buffer = await readFile(file);
  if (buffer.includes(0)) throw new UsageError(`not an HTML file (binary content): ${file}`);
  const text = buffer.toString('utf8');
  if (
    !/<(?:!doctype\s+html|html|head|body|div|p|span|a|table|section|main|article)[\s>]/i.test(
      text.slice(0, 100_000),
    )
  ) {
    throw new UsageError(`not an HTML file: ${file}`);
  }
  return text;
}

function contactJson(c: DetectedContact, profile: CompiledProfile, pageText: string) {
  const fit = profile.evaluate(c, { pageText });
  return {
    name: c.name ?? null,
    emails: c.emails,
    phones: c.phones,
    title: c.title ?? null,
    company: c.company ?? null,
    companyDomain: c.companyDomain ?? null,
    profiles: c.profiles,
    role: c.role ?? false,
    /** 0–1: how sure the detection is; the extension shows contacts from 0.65 without asking. */
    confidence: Math.round(c.confidence * 100) / 100,
    fit: { verdict: fit.verdict, score: fit.score, reasons: fit.reasons },
  };
}

/** Runs the scan: the JSON document of DESIGN.md section 8. */
export async function runScan(argv: string[]) {
  const args = parseArgs(argv);
  const profile = await loadProfile(args.criteria);
  const files = [];
  for (const file of args.files) {
    const html = await readHtml(file);
    const doc = parseHtml(html, args.url ?? 'http://localhost/');
    const mail = readMailView(doc, args.url);
    const pageContacts = detectContacts(doc, { url: args.url });
    // Mail participants are the strongest source; the page adds the rest.
    const contacts = mail ? combineContacts(mailContacts(mail), pageContacts) : pageContacts;
    const pageText = (doc.body?.textContent ?? '').slice(0, 50_000);
    files.push({
      file: basename(file),
      url: args.url ?? null,
      mail: mail ? mailViewJson(mail) : null,
      contacts: contacts.map((c) => contactJson(c, profile, pageText)),
    });
  }
  return { files };
}
