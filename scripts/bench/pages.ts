/** The generated pages the browser benches read (run inside Chromium). */
const FIRST = ['Anna', 'Ben', 'Clara', 'David', 'Eva', 'Felix', 'Greta', 'Hannah', 'Jonas', 'Lena'];
const LAST = [
  'Berg',
  'Schmidt',
  'Fischer',
  'Weber',
  'Wagner',
  'Becker',
  'Hoffmann',
  'Koch',
  'Richter',
  'Klein',
];
export const name = (i: number) =>
  `${FIRST[i % 10]} ${LAST[Math.floor(i / 10) % 10]}${String.fromCharCode(97 + (Math.floor(i / 100) % 26))}${String.fromCharCode(97 + (Math.floor(i / 2600) % 26))}`;

const WORDS =
  'the team works with customers across the region on planning delivery and service for production lines and warehouses while keeping projects on time and budgets clear'.split(
    ' ',
  );
/** About 800 characters of ordinary prose (one year in it, as bios have), different per contact. */
export function prose(i: number) {
  const words: string[] = [];
  for (let k = 0, length = 0; length < 780; k++) {
    const word = WORDS[(i * 7 + k * 13) % WORDS.length]!;
    words.push(word);
    length += word.length + 1;
  }
  return `<p>${name(i)} joined in ${1990 + (i % 30)}. ${words.join(' ')}.</p>`;
}

export function cardHtml(i: number, withProse = false) {
  return `<div class="card"><h3>${name(i)}</h3><p>Head of Sales, Firma ${i % 300} GmbH</p>${withProse ? prose(i) : ''}<a href="mailto:p${i}@firma${i % 300}.de">Mail</a> <a href="tel:+4930${1000000 + i}">Call</a></div>`;
}
export function textHtml(i: number, withProse = false) {
  return `<p>Ansprechpartner ${name(i)}: schreiben Sie an p${i}@firma${i % 300}.de oder rufen Sie an, Tel. +49 30 ${2000000 + i}. Lorem ipsum dolor sit amet, consectetur adipiscing elit.</p>${withProse ? prose(i) : ''}`;
}

/** Half the contacts in team cards, half in running text; with prose, about 1 KB of text each. */
export function loadPage(n: number, withProse: boolean) {
  const half = n >> 1;
  const parts: string[] = ['<main><section class="team">'];
  for (let i = 0; i < half; i++) parts.push(cardHtml(i, withProse));
  parts.push('</section><section class="text">');
  for (let i = half; i < n; i++) parts.push(textHtml(i, withProse));
  parts.push('</section></main>');
  const html = parts.join('');
  const parsed = new DOMParser().parseFromString(`<body>${html}</body>`, 'text/html');
  document.body.replaceWith(document.adoptNode(parsed.body));
  return html.length;
}

export function walkText(): number {
  const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
  let total = 0;
  for (let node = walker.nextNode(); node; node = walker.nextNode()) total += node.nodeValue!.length;
  return total;
}
