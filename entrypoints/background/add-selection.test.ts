import { describe, expect, test } from 'vitest';
import { storedContacts } from '@/lib/db/test-store';
import { suppress } from '@/lib/db';
import { suppressionHashes } from '@/lib/contacts/suppression';
import { translate } from '@/lib/i18n';
import { contactFromText } from '@/lib/detect';
import { setup } from './handlers/test-services';
import { addSelection } from './add-selection';
import { saveDetected } from './save-detected';

const selection = 'Jana Schubert\nHead of Sales, Acme Industrie\njana.schubert@acme-industrie.de';
const tab = { id: 7, url: 'https://acme-industrie.de/team' };

describe('"Add selection" holds the never-suggest list', () => {
  test('a selected person is saved and focused', async () => {
    const { services, store } = await setup();
    const notices: string[] = [];
    await addSelection(services, selection, tab, (m) => notices.push(m));
    const [jana] = await storedContacts(store);
    expect(jana).toMatchObject({ emails: ['jana.schubert@acme-industrie.de'] });
    expect(services.tabs.focus(7)).toMatchObject({ contactId: jana!.id });
    expect(notices).toEqual([]);
  });

  test('a suppressed person is refused with a notice; nothing is stored or focused', async () => {
    const { services, store } = await setup();
    await suppress(store, await suppressionHashes(['jana.schubert@acme-industrie.de']));
    const notices: string[] = [];
    await addSelection(services, selection, tab, (m) => notices.push(m));
    expect(notices).toEqual([translate('en', 'suppressedNotSaved')]);
    expect(await storedContacts(store)).toEqual([]);
    expect(services.tabs.focus(7).contactId).toBeUndefined();
  });

  test('the save itself refuses a selection of a suppressed person (not only the menu)', async () => {
    const { services, store } = await setup();
    await suppress(store, await suppressionHashes(['jana.schubert@acme-industrie.de']));
    const { evidence: _evidence, ...fields } = contactFromText(selection)!;
    await expect(
      saveDetected(services, { ...fields, detectors: ['selection'] }, tab.url),
    ).rejects.toMatchObject({ code: 'suppressed' });
    expect(await storedContacts(store)).toEqual([]);
    // Referred on purpose, a person is still saved.
    await saveDetected(services, { ...fields, detectors: ['referral'] }, tab.url);
    expect(await storedContacts(store)).toHaveLength(1);
  });
});
