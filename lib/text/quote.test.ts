import { expect, test } from 'vitest';
import { quoteStart, replyLines } from './quote';

test.each([
  ['en', 'On Tue, 24 Nov 2026 at 09:12, Rita Rep <rep@x.dev> wrote:'],
  ['de', 'Am Di., 24. Nov. 2026 um 09:12 Uhr schrieb Rita Rep <rep@x.dev>:'],
  ['fr', 'Le mar. 24 nov. 2026 à 09:12, Rita Rep <rep@x.dev> a écrit :'],
  ['es', 'El mar, 24 nov 2026 a las 09:12, Rita Rep (<rep@x.dev>) escribió:'],
  ['pt', 'Em ter., 24 de nov. de 2026 às 09:12, Rita Rep <rep@x.dev> escreveu:'],
  ['it', 'Il giorno mar 24 nov 2026 alle ore 09:12 Rita Rep <rep@x.dev> ha scritto:'],
  ['nl', 'Op di 24 nov. 2026 om 09:12 schreef Rita Rep <rep@x.dev>:'],
  ['pl', 'W dniu 24.11.2026 o 09:12 Rita Rep <rep@x.dev> napisał(a):'],
  ['sv', 'Den tis 24 nov. 2026 kl 09:12 skrev Rita Rep <rep@x.dev>:'],
  ['da', 'Den tir. 24. nov. 2026 kl. 09.12 skrev Rita Rep <rep@x.dev>:'],
  ['outlook separator', '-----Ursprüngliche Nachricht-----'],
  ['forward', '---------- Forwarded message ---------'],
])('%s attribution ends the reply', (_l, header) => {
  expect(replyLines(['Danke!', 'Jana', header, 'old text'])).toEqual(['Danke!', 'Jana']);
});

test("Outlook's header block in any language, not a lone label line", () => {
  expect(quoteStart(['Merci', 'De : Rita Rep', 'Envoyé : lundi 23 novembre 2026', 'À : Claire'])).toBe(1);
  expect(quoteStart(['Merci', 'Von: Rita Rep', 'Gesendet: Montag', 'An: Jana'])).toBe(1);
  expect(quoteStart(['To: whom it may concern', 'we need 5 units.'])).toBe(-1);
});

test('an attribution wrapped over two lines; a reply below the quote', () => {
  expect(
    quoteStart(['Yes.', '', 'Op 12 december 2016 19:05 schreef Company <', 'q@company.com>:', '> hi']),
  ).toBe(2);
  expect(replyLines(['On 04/02/2012, Megan wrote:', '> Hi', 'Hello'])).toEqual(['Hello']);
  expect(quoteStart(['Hi,', 'On Tue, 2011-03-01 at 18:02 +0530, Abhishek Kona wrote:'])).toBe(1);
  expect(quoteStart(['On Thursday:', 'we ship.'])).toBe(-1);
});
