// Bundled by esbuild and run inside Chromium: the same code the extension ships, measured in a real DOM.
import { render } from 'preact';
import { createScanner, detectContacts } from '../../lib/detect';
import { hasContactSignals } from '../../lib/detect/probe';
import { mailContacts, readMailView, type MessageCache } from '../../lib/webmail';
import { startDeal, STEP_IDS, nextStep } from '../../lib/pipeline';
import { createOverlay } from '../../entrypoints/content/overlay';
import { BoardColumns } from '../../components/sidebar/Board';
import { Root } from '../../components/Root';
import type { Api } from '../../components/api';
import type { BoardColumn } from '../../lib/messages';
import { median } from './measure';
import { cardHtml, loadPage, name, prose, walkText } from './pages';

async function detection(n: number, withProse = false) {
  const bytes = loadPage(n, withProse);
  let found = 0;
  const fullMs = await median(
    () => (found = detectContacts(document, { url: 'https://firma.de/', useLayout: true }).length),
    3,
  );
  const baselineMs = await median(walkText, 3);
  // The scanner as the content script runs it: sliced, then incremental.
  let count = 0;
  const scanner = createScanner(document, (u) => (count = u.all.length), {
    url: 'https://firma.de/',
    useLayout: true,
  });
  await scanner.idle();
  const longestSliceMs = scanner.stats.longestSliceMs;
  const team = document.querySelector('section.team')!;
  const mutationMs = await median(async () => {
    const holder = document.createElement('div');
    holder.append(new DOMParser().parseFromString(cardHtml(n + 1) + '', 'text/html').body.firstElementChild!);
    const t = performance.now();
    team.append(holder);
    scanner.rescan([holder]);
    await scanner.idle();
    const ms = performance.now() - t;
    holder.remove();
    return ms;
  }, 5);
  scanner.stop();
  return { n, withProse, bytes, found, fullMs, baselineMs, longestSliceMs, mutationMs, scannerCount: count };
}

function messageHtml(i: number) {
  return (
    `<div class="adn" data-message-id="m${i}"><h3><span class="gD" email="p${i}@firma${i % 40}.de" name="${name(i)}">${name(i)}</span></h3>` +
    `<span class="hb">to <span class="g2" email="rep@pipeline-scout.dev" name="Rita">me</span>, <span class="g2" email="c${i}@kunde.de" name="C ${i}">C</span></span>` +
    `<div class="a3s"><div>Hello</div><div>Best regards</div><div>${name(i)}</div><div>Head of Sales</div><div>Firma ${i} GmbH</div><div>Tel: +49 30 ${3000000 + i}</div></div></div>`
  );
}

/** What a granted site without people costs: the probe over an article of `paragraphs` × 1 KB. */
async function probe(paragraphs: number) {
  const parts: string[] = ['<article>'];
  for (let i = 0; i < paragraphs; i++) parts.push(prose(i).replace(/joined in/, 'wrote in'));
  parts.push('</article>');
  const html = parts.join('');
  const parsed = new DOMParser().parseFromString(`<body>${html}</body>`, 'text/html');
  document.body.replaceWith(document.adoptNode(parsed.body));
  let signal = true;
  const ms = await median(() => (signal = hasContactSignals(document.body)), 5);
  const baselineMs = await median(walkText, 5);
  return { bytes: html.length, ms, baselineMs, signal };
}

function threadHtml(messages: number) {
  const parts = ['<h2 class="hP" data-legacy-thread-id="t1">Thread</h2>'];
  for (let i = 0; i < messages; i++) parts.push(messageHtml(i));
  return parts.join('');
}

async function webmail(messages: number) {
  const parsed = new DOMParser().parseFromString(`<body>${threadHtml(messages)}</body>`, 'text/html');
  document.body.replaceWith(document.adoptNode(parsed.body));
  const overlay = createOverlay(document, { locale: 'en', mode: 'chip', onOpen: () => undefined });
  const phases = { read: 0, contacts: 0, chips: 0, calls: 0 };
  const place = () => {
    const t0 = performance.now();
    const view = readMailView(document, 'https://mail.google.com/', { provider: 'gmail', cache })!;
    const t1 = performance.now();
    const contacts = mailContacts(view);
    const t2 = performance.now();
    phases.read += t1 - t0;
    phases.calls++;
    phases.contacts += t2 - t1;
    overlay.render(
      view.messages.flatMap((m, i) =>
        m.from && m.senderElement
          ? [
              {
                key: `m${i}`,
                target: m.from.email,
                anchor: m.senderElement,
                state: { key: m.from.email, verdict: 'lead' as const, score: 80, saved: false },
              },
            ]
          : [],
      ),
    );
    phases.chips += performance.now() - t2;
    return contacts.length;
  };
  let cache: MessageCache = new WeakMap();
  const fullMs = await median(() => {
    cache = new WeakMap();
    return place();
  }, 5);
  const baselineMs = await median(() => document.querySelectorAll('[email]').length, 5);
  // One new message arrives: re-read with the cache of the previous read. The message is parsed
  // once, outside the timing; each run appends a fresh copy (a new element, as Gmail inserts).
  cache = new WeakMap();
  place();
  Object.assign(phases, { read: 0, contacts: 0, chips: 0, calls: 0 });
  const template = new DOMParser()
    .parseFromString(`<body>${messageHtml(messages)}</body>`, 'text/html')
    .querySelector(`[data-message-id="m${messages}"]`)!;
  const oneNewMs = await median(() => {
    const extra = document.adoptNode(template.cloneNode(true) as Element);
    document.body.append(extra);
    place();
    extra.remove();
  }, 5);
  overlay.destroy();
  (window as unknown as { __phases: unknown }).__phases = phases;
  return { messages, fullMs, baselineMs, oneNewMs };
}

async function boardRender(n: number) {
  const t0 = Date.UTC(2026, 0, 1);
  const columns: BoardColumn[] = STEP_IDS.map((step) => ({ step, items: [], count: 0, value: {} }));
  for (let i = 0; i < n; i++) {
    const deal = startDeal({
      id: `d${i}`,
      contactId: `c${i}`,
      title: `Deal ${i}`,
      now: t0,
      fitConfirmed: true,
    });
    const column = columns[i % STEP_IDS.length]!;
    column.items.push({
      deal,
      contact: { id: `c${i}`, name: name(i), emails: [] },
      next: nextStep(deal, t0, name(i))!,
    });
    column.count++;
  }
  const api: Api = { send: (async () => undefined) as never, subscribe: () => () => undefined };
  const host = document.createElement('div');
  document.body.replaceChildren(host);
  const ms = await median(() => {
    render(null, host);
    render(
      <Root api={api} locale="en">
        <BoardColumns columns={columns} onOpen={() => undefined} onMove={() => undefined} />
      </Root>,
      host,
    );
    return host.querySelectorAll('li').length;
  }, 5);
  const plain = document.createElement('div');
  document.body.append(plain);
  const baselineMs = await median(() => {
    render(null, plain);
    render(
      <ul>
        {columns
          .flatMap((c) => c.items)
          .map((i) => (
            <li key={i.deal.id}>{i.contact.name}</li>
          ))}
      </ul>,
      plain,
    );
  }, 5);
  return { n, ms, baselineMs, rendered: host.querySelectorAll('li.card').length };
}

(window as unknown as { __bench: unknown }).__bench = { detection, probe, webmail, boardRender };
