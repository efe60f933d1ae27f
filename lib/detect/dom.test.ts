import { describe, expect, test } from 'vitest';
import { parseHtml } from '../../cli/parse-html';
import { cleanText } from '../text/clean';
import { cleanTextContent, exceeds, textPrefix } from './dom';

describe('cleanTextContent', () => {
  test('reads what cleaning the whole textContent reads, short or long', () => {
    const cards = Array.from(
      { length: 3_000 },
      (_, i) =>
        `<div>\n  <h3>Person ${i}</h3>\n\n <p>Head of Sales</p><!-- note --> <script>x()</script></div>`,
    ).join('\n');
    const doc = parseHtml(
      `<body><footer>${cards}<p>© 2024 Acme GmbH</p></footer></body>`,
      'https://acme.de/',
    );
    const footer = doc.querySelector('footer')!;
    for (const max of [0, 10, 300, 5_000, 10_000_000])
      expect(cleanTextContent(footer, max)).toBe(cleanText(footer.textContent, max));
    const empty = parseHtml('<body><footer>   \n  </footer></body>', 'https://acme.de/');
    expect(cleanTextContent(empty.querySelector('footer')!, 100)).toBe('');
  });
});

describe('textPrefix', () => {
  test('is the start of textContent, whatever the length asked', () => {
    const cards = Array.from(
      { length: 500 },
      (_, i) => `<div><h3>Person ${i}</h3><!-- c --><p>Sales</p></div>`,
    );
    const doc = parseHtml(`<body>${cards.join('\n')}<script>x()</script></body>`, 'https://acme.de/');
    const all = doc.body.textContent ?? '';
    for (const max of [0, 1, 7, 1_000, all.length - 1, all.length, all.length + 10])
      expect(textPrefix(doc.body, max)).toBe(all.slice(0, max));
  });
});

describe('exceeds', () => {
  test('counts every descendant element, in any shape, up to the limit', () => {
    const doc = parseHtml(
      '<body><div id="a"><p>x<b>y</b></p><ul><li><i></i></li><li></li></ul><span></span></div><div id="e"></div></body>',
      'https://acme.de/',
    );
    const a = doc.getElementById('a')!;
    const count = a.getElementsByTagName('*').length;
    expect(count).toBe(7);
    for (let limit = 0; limit <= 9; limit++) expect(exceeds(a, limit)).toBe(count > limit);
    expect(exceeds(doc.getElementById('e')!, 0)).toBe(false);
    expect(exceeds(doc.body, 8)).toBe(true);
    expect(exceeds(doc.body, 9)).toBe(false);
  });
});
