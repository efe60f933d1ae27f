import { describe, expect, test } from 'vitest';
import { isGreeting, isLegalFooter, valediction } from './phrases';

describe('closings, greetings and legal footers in ten languages', () => {
  test.each([
    ['en', 'Best regards,'],
    ['de', 'Mit freundlichen Grüßen'],
    ['fr', 'Cordialement,'],
    ['es', 'Un cordial saludo'],
    ['pt', 'Atenciosamente,'],
    ['it', 'Cordiali saluti'],
    ['nl', 'Met vriendelijke groet,'],
    ['pl', 'Z poważaniem'],
    ['sv', 'Med vänlig hälsning'],
    ['da', 'Med venlig hilsen'],
    ['delimiter', '-- '],
  ])('%s closing: %s', (_lang, line) => expect(valediction(line)).toEqual({}));

  test('a closing with the name on the same line', () => {
    expect(valediction('Cheers, Ann')).toEqual({ name: 'Ann' });
    expect(valediction('Viele Grüße, Jana Schubert')).toEqual({ name: 'Jana Schubert' });
    expect(valediction('Best practice is to call first.')).toBeUndefined();
    expect(valediction('Bestellung 4711')).toBeUndefined();
  });

  test.each([
    'Hi Sam,',
    'Olá Sam,',
    'Bonjour,',
    'Sehr geehrte Frau Rep,',
    'Hej Anna!',
    'Dzień dobry,',
    'Hola',
  ])('greeting: %s', (line) => expect(isGreeting(line)).toBe(true));

  test.each([
    'Head of Sales',
    'Hilfe für Kunden',
    'Liebe Grüße',
    'Dearborn Logistics Inc.',
    'Hi-Tech Solutions GmbH',
  ])('not a greeting: %s', (line) => expect(isGreeting(line)).toBe(false));

  test('legal footers on whole words', () => {
    expect(isLegalFooter('Registergericht: Amtsgericht München, HRB 123456')).toBe(true);
    expect(isLegalFooter('Sitz der Gesellschaft: Berlin')).toBe(true);
    expect(isLegalFooter('This e-mail and any attachments are confidential.')).toBe(true);
    expect(isLegalFooter('Siège social : 12 rue de la Paix, Paris')).toBe(true);
    expect(isLegalFooter('Head of Procurement')).toBe(false);
    expect(isLegalFooter('Marcs Street')).toBe(false);
  });
});
