import { describe, expect, test } from 'vitest';
import { parseHtml } from '../../../cli/parse-html';
import { createVisibility } from '../dom';
import { fromPeople } from './people';

const people = (body: string, region: 'US' | 'DE' = 'US') => {
  const doc = parseHtml(`<html><body>${body}</body></html>`, 'https://acme.com/team');
  return fromPeople(doc.body, { base: 'https://acme.com/team', region, visibility: createVisibility(false) });
};

describe('people from page structure', () => {
  test('cards: name, title over two lines, bio link; no mail link needed', () => {
    const [a, b] = people(
      ['Ann Lee', 'Bob Roe']
        .map(
          (n) =>
            `<div class="c"><img src=x><p><strong>${n}</strong></p><p>Senior Vice President and<br>Chief Financial Officer</p><a href="/bio">View Bio</a></div>`,
        )
        .join(''),
    );
    expect(a).toMatchObject({ name: 'Ann Lee', title: 'Senior Vice President and Chief Financial Officer' });
    expect(b?.name).toBe('Bob Roe');
    expect(a!.confidence).toBeGreaterThanOrEqual(0.65);
  });

  test('list items: one entry never takes the next one’s data', () => {
    const found = people(
      '<ul><li>Town Clerk – Jane Miller, CMC (ext. 112)</li><li>Note: office closed Fridays 555-0100-2</li></ul><p>Main: (802) 555-0140</p>',
    );
    expect(found).toHaveLength(1);
    expect(found[0]).toMatchObject({
      name: 'Jane Miller',
      title: 'Town Clerk',
      phones: ['+18025550140;ext=112'],
    });
  });

  test('a line the page marks as a title is one there, and only there (lines are read once each)', () => {
    const marked = people(
      '<div class="c"><h3>Ann Lee</h3><p class="job-title">Einkauf und Logistik</p><a href="tel:+12025550101">Call</a></div>',
    );
    const plain = people(
      '<div class="c"><h3>Ann Lee</h3><p>Einkauf und Logistik</p><a href="tel:+12025550101">Call</a></div>',
    );
    expect(marked[0]?.title).toBe('Einkauf und Logistik');
    expect(plain[0]?.name).toBe('Ann Lee');
    expect(plain[0]?.title).toBeUndefined();
  });

  test('table rows: the title is the cell that is a title, never a state', () => {
    const [row] = people(
      '<table><tr><th>Agent</th><th>State</th><th>Title</th></tr><tr><td>Tom Reed</td><td>Maine</td><td>Associate Broker</td></tr><tr><td>Kim Day</td><td>Texas</td><td>Realtor</td></tr></table>',
    );
    expect(row).toMatchObject({ name: 'Tom Reed', title: 'Associate Broker' });
  });

  test('definition lists and lines of one paragraph', () => {
    expect(
      people(
        '<dl><dt>Emily Clarke</dt><dd>Office Manager</dd><dd>Tel: 0117 496 0320</dd><dt>James Hunt</dt><dd>Director</dd></dl>',
      )[0],
    ).toMatchObject({
      name: 'Emily Clarke',
      title: 'Office Manager',
    });
    const lines = people(
      '<p>Simon Greenway, Managing Director<br>Claire Atkins, Head of Design</p><p>Registered No. 03561122</p>',
    );
    expect(lines.map((p) => [p.name, p.title, p.phones])).toEqual([
      ['Simon Greenway', 'Managing Director', []],
      ['Claire Atkins', 'Head of Design', []],
    ]);
  });

  test('running text: a person beside a number, with the title the sentence gives', () => {
    const [p] = people(
      '<p>Questions about coverage? Call Michelle Young, our insurance coordinator, at (303) 555-0148.</p>',
    );
    expect(p).toMatchObject({
      name: 'Michelle Young',
      title: 'insurance coordinator',
      phones: ['+13035550148'],
    });
  });

  test('running text: an address written out or bracketed, a number, each found; prose with neither skipped', () => {
    const found = people(
      [
        '<p>For room 101 bookings please write to our events manager Maria Lopez, maria (at) acme (dot) com, any day.</p>',
        '<p>Since 2019 the desk is run by our coordinator Paul Weber, write paul at acme dot com for anything.</p>',
        '<p>Since 2019 the desk is run by our coordinator Anna Schmidt, Tel. 030 1234567, for anything.</p>',
        '<p>Since 2019 the desk is run by our coordinator Jane Miller, and she joined the team in 1998 from the lab.</p>',
      ].join(''),
      'DE',
    );
    expect(found.map((f) => [f.name, f.emails, f.phones.length])).toEqual([
      ['Maria Lopez', ['maria@acme.com'], 0],
      ['Paul Weber', ['paul@acme.com'], 0],
      ['Anna Schmidt', [], 1],
    ]);
  });

  test('navigation, headings, calls to action, a business and its address are nobody', () => {
    expect(
      people(
        '<nav><a>About Us</a><a>Jobs</a></nav><h2>Our People</h2><h4>Useful Links</h4><h4>Connect With Us</h4><p>Subscribe Today</p><p>Office Hours</p><p>Acme Inc., 12 Main Street, Denver, CO 80202</p>',
      ),
    ).toEqual([]);
  });

  test('fax is not the phone; an unlabelled national number counts inside a card', () => {
    const [p] = people(
      '<div><h3>Sabine Hoffmann</h3><p>Leiterin Vertrieb Europa</p><p>089 2180-4471</p><p>Fax 089 2180-4499</p></div>',
      'DE',
    );
    expect(p).toMatchObject({ title: 'Leiterin Vertrieb Europa', phones: ['+498921804471'] });
  });
});
