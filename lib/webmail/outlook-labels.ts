/**
 * The address-field labels Outlook on the web shows, in the languages it serves and the common
 * others: in text ("An: Rita Rep") and in `aria-label` ("Von: Jana <jana@…>"). French puts a
 * (no-break) space before the colon ("À : …"). A label is never part of a name.
 */
export const FROM_LABELS = ['From', 'Von', 'De', 'Da', 'Van', 'Från', 'Fra', 'Od', 'Expéditeur', 'Remitente'];
export const TO_LABELS = ['To', 'An', 'À', 'A', 'Para', 'Aan', 'Til', 'Till', 'Do', 'Destinataire'];
export const CC_LABELS = ['Cc', 'Kopie', 'Copie', 'Copia', 'Kopia', 'Kopi', 'CC'];

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const labelRegex = (labels: readonly string[]) =>
  new RegExp(`^\\s*(?:${labels.map(escape).join('|')})[\\s\\u00a0]*:[\\s\\u00a0]*`, 'iu');

export const FROM_LABEL = labelRegex(FROM_LABELS);
export const TO_LABEL = labelRegex(TO_LABELS);
export const CC_LABEL = labelRegex(CC_LABELS);
const ANY_LABEL = labelRegex([...FROM_LABELS, ...TO_LABELS, ...CC_LABELS, 'Bcc', 'Cci', 'Cco', 'Blindkopie']);

/** CSS selectors for elements whose `aria-label` starts with one of the labels (both colon forms). */
export function labelledSelectors(labels: readonly string[]): string[] {
  return labels.flatMap((l) => [
    `[aria-label^="${l}:" i]`,
    `[aria-label^="${l} :" i]`,
    `[aria-label^="${l}\u00a0:" i]`,
  ]);
}

/** The text without a leading field label ("An: Rita Rep" → "Rita Rep"), repeatedly. */
export function stripLabel(text: string): string {
  let out = text;
  for (let i = 0; i < 3 && ANY_LABEL.test(out); i++) out = out.replace(ANY_LABEL, '');
  return out;
}
