import { describe, expect, test } from 'vitest';
import { parseHtml } from '../../cli/parse-html';
import { guessPageRegion } from './page-region';
import { legalName, pageCompanies } from './page-company';
import { pageLines } from './page-lines';
import { createVisibility } from './dom';

const doc = (html: string, url = 'https://acme.com/') => parseHtml(html, url);

describe('page region', () => {
  test('country TLD, then a regional lang, then addresses and NANP shapes, then the browser', () => {
    expect(guessPageRegion(doc('<html lang="en-US"><body></body></html>'), 'https://acme.de/')).toBe('DE');
    expect(guessPageRegion(doc('<html lang="en-GB"><body></body></html>'), 'https://acme.com/')).toBe('GB');
    expect(guessPageRegion(doc('<body><p>Call (303) 555-0147</p></body>'), 'https://acme.com/')).toBe('US');
    expect(
      guessPageRegion(doc('<body><p>Toronto, ON M5V 3G5 · 416-555-0123</p></body>'), 'https://acme.com/'),
    ).toBe('CA');
    expect(
      guessPageRegion(
        doc('<body><p>Rosenheimer Str. 1, 81671 München, Deutschland</p></body>'),
        'https://acme.com/',
      ),
    ).toBe('DE');
    expect(guessPageRegion(doc('<body><p>Manly NSW 2095</p></body>'), 'https://acme.com/')).toBe('AU');
    expect(guessPageRegion(doc('<html lang="de"><body></body></html>'), 'https://acme.com/')).toBe('DE');
    expect(guessPageRegion(doc('<body><p>Hello</p></body>'), 'https://acme.com/', 'en-IE')).toBe('IE');
  });
});

describe('page organisation', () => {
  test('JSON-LD first, then og:site_name, imprint, copyright, a legal-name line, the title', () => {
    const names = (html: string) => pageCompanies(doc(html)).map((o) => o.name);
    expect(
      names(
        '<head><script type="application/ld+json">{"@type":"Organization","name":"Acme, Inc."}</script><meta property="og:site_name" content="Acme"></head><body></body>',
      ),
    ).toEqual(['Acme, Inc.', 'Acme']);
    expect(
      names(
        '<body><h2>Impressum</h2><p>Müller &amp; Söhne Maschinenbau GmbH<br>Industriestraße 4</p></body>',
      )[0],
    ).toBe('Müller & Söhne Maschinenbau GmbH');
    expect(
      names('<body><footer>© 2025 Front Range Federal Credit Union. All rights reserved.</footer></body>')[0],
    ).toBe('Front Range Federal Credit Union');
    expect(names('<head><title>Team | Quillstack</title></head><body></body>')).toEqual(['Quillstack']);
  });

  test('legal names', () => {
    expect(legalName('Hartwell & Price LLP, 21 Queen Square')).toBe('Hartwell & Price LLP');
    expect(legalName('we are a small team')).toBeUndefined();
  });
});

describe('page lines', () => {
  test('inline text joins; boxes of a card and <br> split; navigation is skipped', () => {
    const d = doc(
      '<body><nav>Home About</nav><div class="c"><span>Olivia Hart</span><span>Creative Director</span></div><p>contact <a href="mailto:a@b.io">Ann</a> today<br>next</p></body>',
    );
    expect(pageLines(d.body, createVisibility(false)).map((l) => l.text)).toEqual([
      'Olivia Hart',
      'Creative Director',
      'contact Ann today',
      'next',
    ]);
  });
});
