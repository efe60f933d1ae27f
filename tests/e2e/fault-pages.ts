import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

const escape = (s: string) =>
  s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
const BUMP = 'window.__xss=(window.__xss||0)+1';

/** Classic XSS shapes (after the OWASP and DOMPurify lists), each bumping a counter if it ever runs. */
export const PAYLOADS = [
  `<script>${BUMP}</script>`,
  `<img src=x onerror="${BUMP}">`,
  `<svg onload="${BUMP}">`,
  `"><script>${BUMP}</script>`,
  `javascript:${BUMP}`,
  `<iframe src="javascript:parent.__xss=(parent.__xss||0)+1">`,
  `<a href="javascript:${BUMP}">click</a>`,
  `<body onload="${BUMP}">`,
  `<details open ontoggle="${BUMP}">`,
  `<math><mtext><table><mglyph><style><img src=x onerror="${BUMP}">`,
  `{{constructor.constructor('${BUMP}')()}}`,
  `<input autofocus onfocus="${BUMP}">`,
  `<object data="javascript:${BUMP}">`,
  `<marquee onstart="${BUMP}">`,
  `\u202Egnp.exe\u202C Invoice`,
  `Zero\u200Bwidth\u200D\u2060Name`,
  'A'.repeat(100_000),
];

export function writeFaultPages(dir: string) {
  mkdirSync(dir, { recursive: true });
  const people = PAYLOADS.map((p, i) => ({
    name: `Eve Adams${String.fromCharCode(65 + i)}`,
    payload: p,
    email: `eve${i}@evil-corp.io`,
  }));
  const jsonLd = JSON.stringify({
    '@context': 'https://schema.org',
    '@graph': PAYLOADS.slice(0, 6).map((p, i) => ({
      '@type': 'Person',
      name: `${p} Mallory`,
      jobTitle: p,
      email: `mallory${i}@evil-corp.io`,
    })),
  }).replace(/</g, '\\u003c');
  writeFileSync(
    join(dir, 'hostile.html'),
    `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Hostile</title>
<script type="application/ld+json">${jsonLd}</script></head><body><main>
${people
  .map(
    (p) => `<div class="card"><h3>${p.name}</h3><p>${escape(p.payload.slice(0, 110))}</p>
<a href="mailto:${p.email}">${escape(p.payload.slice(0, 200))}</a> <a href="javascript:void(0)">${escape(p.payload.slice(0, 50))}</a></div>`,
  )
  .join('\n')}
</main></body></html>`,
  );
  const cards = (n: number, offset = 0) =>
    Array.from(
      { length: n },
      (_, i) =>
        `<div class="c"><h3>Anna Berg${String.fromCharCode(65 + ((i + offset) % 26))}${String.fromCharCode(65 + (Math.floor((i + offset) / 26) % 26))}${String.fromCharCode(65 + (Math.floor((i + offset) / 676) % 26))}</h3><p>Head of Sales</p><span>Team ${i % 40}</span><a href="mailto:a${i + offset}@firma${(i + offset) % 300}.de">Mail</a></div>`,
    ).join('');
  writeFileSync(
    join(dir, 'clickjack.html'),
    `<!doctype html><html lang="en"><body><main style="padding:40px">${cards(3)}</main>
<div id="veil" style="position:fixed;inset:0;opacity:0.01;background:#fff;z-index:2147483647" onclick="window.__veilClicks=(window.__veilClicks||0)+1"></div></body></html>`,
  );
  writeFileSync(
    join(dir, 'frame.html'),
    `<!doctype html><html><body><iframe src="/team.html" style="opacity:0;position:absolute;inset:0;width:100%;height:100%;border:0"></iframe><button style="margin:200px">Win a prize</button></body></html>`,
  );
  // 10,000 contacts, over 50,000 nodes.
  writeFileSync(
    join(dir, 'huge.html'),
    `<!doctype html><html lang="de"><body><main>${cards(10_000)}</main></body></html>`,
  );
  // A long article without people (2,000 paragraphs, styles and scripts with "@" in them).
  const words = 'the release adds faster sync better search and many small fixes across the app'.split(' ');
  const paragraphs = Array.from(
    { length: 2_000 },
    (_, i) =>
      `<p>${Array.from({ length: 60 }, (_, k) => words[(i * 7 + k) % words.length]).join(' ')} (${2000 + (i % 26)}, 
${i * 10} users).</p>`,
  );
  writeFileSync(
    join(dir, 'quiet.html'),
    `<!doctype html><html lang="en"><head><title>Release notes</title><style>@media print { p { color: #000 } }</style>
<script>window.config = { contact: "support" + "@" };</script></head><body><article>${paragraphs.join('')}</article></body></html>`,
  );
  const messages = Array.from(
    { length: 100 },
    (_, i) =>
      `<div class="adn" data-message-id="m${i}"><h3><span class="gD" email="p${i}@firma${i % 40}.de" name="Person ${i}">Person ${i}</span></h3>` +
      `<span class="hb">to <span class="g2" email="rep@pipeline-scout.dev" name="Rita">me</span></span>` +
      `<div class="a3s"><div>Hello</div><div>Best regards</div><div>Person ${i}</div><div>Head of Sales</div><div>Firma ${i} GmbH</div><div>Tel: +49 30 ${3000000 + i}</div></div></div>`,
  );
  writeFileSync(
    join(dir, 'gmail-thread100.html'),
    `<!doctype html><html lang="en"><head><title>Long thread - rep@pipeline-scout.dev - Gmail</title></head><body><h2 class="hP" data-legacy-thread-id="t100">Long thread</h2>${messages.join('')}</body></html>`,
  );
}

/** A second, unrelated extension that tries to talk to ours. */
export function writeForgerExtension(dir: string) {
  mkdirSync(dir, { recursive: true });
  writeFileSync(
    join(dir, 'manifest.json'),
    JSON.stringify({
      manifest_version: 3,
      name: 'Forger',
      version: '1.0',
      background: { service_worker: 'forger.js' },
    }),
  );
  writeFileSync(join(dir, 'forger.js'), 'self.forged = true;');
}
