import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

/**
 * Team pages as company sites build them: a grid of cards with photo, name, role and whatever
 * contact each person chose to publish (an address, a direct line, a LinkedIn profile).
 */
export function writePatternPages(dir: string) {
  mkdirSync(dir, { recursive: true });
  const card = (name: string, role: string, contact: string) => `
      <li class="team-member">
        <figure><img src="data:image/gif;base64,R0lGODlhAQABAAAAACw=" alt="" width="96" height="96"></figure>
        <div class="team-member__body">
          <h3 class="team-member__name">${name}</h3>
          <p class="team-member__role">${role}</p>
          <p class="team-member__contact">${contact}</p>
        </div>
      </li>`;
  const mail = (address: string) => `<a href="mailto:${address}">E-Mail schreiben</a>`;
  const tel = (number: string, shown: string) => `<a href="tel:${number}">${shown}</a>`;
  const linkedIn = (slug: string) =>
    `<a href="https://www.linkedin.com/in/${slug}/" rel="noopener">LinkedIn</a>`;
  writeFileSync(
    join(dir, 'pattern-team.html'),
    `<!doctype html><html lang="de"><head><meta charset="utf-8"><title>Team – Nordwind Maschinenbau GmbH</title></head>
<body><header><nav><a href="/">Start</a> <a href="#team">Team</a></nav></header>
<main><h1>Unser Team</h1><p>Nordwind Maschinenbau GmbH fertigt Sondermaschinen für die Verpackungsindustrie.</p>
<ul class="team-grid" id="team">
${card('Jürgen Müller', 'Geschäftsführer', mail('juergen.mueller@nordwind-maschinenbau.de'))}
${card('Anna Schäfer', 'Leiterin Einkauf', mail('anna.schaefer@nordwind-maschinenbau.de'))}
${card('Thomas Becker', 'Vertriebsleiter', mail('thomas.becker@nordwind-maschinenbau.de'))}
${card('Björn Köhler', 'Head of Procurement', tel('+49401234567', '+49 40 1234567'))}
${card('Sabine Groß', 'Leiterin Produktion', linkedIn('sabine-gross-nordwind'))}
</ul></main>
<footer>Nordwind Maschinenbau GmbH · Hafenstraße 12 · 20457 Hamburg</footer></body></html>`,
  );
  writeFileSync(
    join(dir, 'pattern-roles.html'),
    `<!doctype html><html lang="de"><head><meta charset="utf-8"><title>Ansprechpartner – Kontor Logistik AG</title></head>
<body><main><h1>Ansprechpartner</h1>
<ul class="team-grid">
${card('Petra Lange', 'Ansprechpartnerin Vertrieb', `${mail('vertrieb@kontor-logistik.de')} · ${tel('+49402345678', '+49 40 2345678')}`)}
${card('Frank Wolter', 'Key Account Manager', linkedIn('frank-wolter-kontor'))}
</ul>
<section class="contact"><h2>Kontakt</h2>
<p>Allgemein: <a href="mailto:info@kontor-logistik.de">info@kontor-logistik.de</a></p>
<p>Bewerbungen: <a href="mailto:karriere@kontor-logistik.de">karriere@kontor-logistik.de</a></p>
</section></main></body></html>`,
  );
}
