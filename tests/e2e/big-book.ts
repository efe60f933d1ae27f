/** A CRM export of `n` people, one e-mail each: row i is k{i}@firma{i % 100}.de, Kim Lee{i}. */
export const bookCsv = (n: number) =>
  ['Email,First Name,Last Name,Job Title']
    .concat(Array.from({ length: n }, (_, i) => `k${i}@firma${i % 100}.de,Kim,Lee${i},Head of Sales`))
    .join('\n');

/** The same people as vCard 4.0 cards. */
export const bookVcf = (n: number) =>
  Array.from(
    { length: n },
    (_, i) =>
      `BEGIN:VCARD\r\nVERSION:4.0\r\nFN:Kim Lee${i}\r\nEMAIL:k${i}@firma${i % 100}.de\r\nTITLE:Head of Sales\r\nEND:VCARD\r\n`,
  ).join('');
