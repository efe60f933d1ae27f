import { describe, expect, test } from 'vitest';
import { defaultLibrary } from '@/lib/templates';
import { activitiesOf, getDeal } from '@/lib/db';
import type { RequestContext } from '../router';
import { setup } from './test-services';

const gmail: RequestContext = {
  context: 'content',
  tabId: 2,
  tabUrl: 'https://mail.google.com/mail/u/0/#inbox',
};
const page: RequestContext = { context: 'page' };
const jane = {
  name: 'Jane Miller',
  company: 'Acme',
  emails: ['jane@acme.io'],
  phones: [],
  profiles: [],
  detectors: ['card'],
};

describe('compose templates', () => {
  test('lists the deal step’s templates first and fills them from the contact and the deal', async () => {
    const { h } = await setup();
    const none = await h['compose/templates']({ recipients: ['nobody@x.io'] }, gmail);
    expect(none.dealId).toBeUndefined();
    expect(none.templates[0]!.step).toBe('initiate');

    const { contact } = await h['contacts/add']({ contact: jane }, page);
    const { deal } = await h['deals/start']({ contactId: contact.id }, page);
    const listed = await h['compose/templates']({ recipients: ['other@x.io', 'Jane@Acme.io'] }, gmail);
    expect(listed).toMatchObject({ dealId: deal.id, step: deal.step });
    expect(listed.templates[0]).toEqual({
      id: 'default.introduction.en',
      name: 'Introduction',
      step: 'initiate',
      locale: 'en',
    });
    // Both languages of the library, the rep's first, each by step; Jane's .io says no language.
    expect(listed.templates.map((t) => t.locale)).toEqual([...Array(10).fill('en'), ...Array(10).fill('de')]);
    expect(listed.templates[10]!.id).toBe('default.introduction.de');
    expect(listed.contactLocale).toBeUndefined();
    await h['contacts/add'](
      { contact: { ...jane, name: 'Jonas Keller', emails: ['jonas@keller.de'] } },
      page,
    );
    expect((await h['compose/templates']({ recipients: ['jonas@keller.de'] }, gmail)).contactLocale).toBe(
      'de',
    );

    const filled = await h['compose/fill'](
      { templateId: 'default.proposal-cover.en', recipients: ['jane@acme.io'] },
      gmail,
    );
    expect(filled.text).toMatch(/^Hello Jane,/);
    expect(filled.text).toContain('for Acme');
    expect(filled.missing).toEqual(['needs', 'proposalValue']);
    expect(filled.text).toContain('[proposal value?]');

    const questionnaire = await h['compose/fill'](
      { templateId: 'default.questionnaire.en', recipients: ['jane@acme.io'] },
      gmail,
    );
    expect(questionnaire.text).toContain('1. How do you handle this today');
  });

  test('sending an inserted template logs the step activity once, with its fact; an open sidebar is not put out of date', async () => {
    const { h, store } = await setup();
    const { contact } = await h['contacts/add']({ contact: jane }, page);
    let { deal } = await h['deals/start']({ contactId: contact.id }, page);
    deal = await h['deals/edit'](
      { dealId: deal.id, expectedVersion: deal.version, edit: { value: { amount: 9_000, currency: 'EUR' } } },
      page,
    );
    const sent = { templateId: 'default.proposal-cover.en', recipients: ['jane@acme.io'] };
    expect(await h['compose/sent'](sent, gmail)).toEqual({ logged: true });
    expect(await h['compose/sent'](sent, gmail)).toEqual({ logged: false });
    const logged = (await activitiesOf(store, deal.id)).filter((a) => a.text === 'Proposal cover');
    expect(logged).toHaveLength(1);
    expect(logged[0]).toMatchObject({ kind: 'email', direction: 'out' });
    const after = (await getDeal(store, deal.id))!;
    expect(after.facts.proposalSentAt).toBeDefined();
    // The sidebar still shows the version before the send: its next click applies.
    const scheduled = await h['deals/schedule'](
      {
        dealId: deal.id,
        expectedVersion: deal.version,
        nextAction: { text: 'Call', due: after.updatedAt + 1 },
      },
      page,
    );
    expect(scheduled.facts.proposalSentAt).toBe(after.facts.proposalSentAt);
    // Without a deal for the recipients nothing is logged.
    expect(await h['compose/sent']({ ...sent, recipients: ['x@y.io'] }, gmail)).toEqual({ logged: false });
  });

  test('only from a webmail tab; an unknown template is a clear error', async () => {
    const { h } = await setup();
    const elsewhere = { ...gmail, tabUrl: 'https://evil.example/mail' };
    await expect(h['compose/templates']({ recipients: [] }, elsewhere)).rejects.toThrow(/Gmail and Outlook/);
    await expect(h['compose/fill']({ templateId: 'nope', recipients: [] }, gmail)).rejects.toThrow(
      /no longer exists/,
    );
  });

  test('the library is saved whole when valid; an invalid one is refused by field and nothing is lost', async () => {
    const { h } = await setup();
    const lib = defaultLibrary();
    lib.templates[0]!.body = 'Hi {firstName}!';
    expect((await h['templates/save']({ library: lib }, page)).templates[0]!.body).toBe('Hi {firstName}!');
    const bad = { ...lib, templates: [{ ...lib.templates[0], name: '' }] };
    await expect(h['templates/save']({ library: bad }, page)).rejects.toThrow(
      /templates\.0\.name: Give the template a name/,
    );
    expect((await h['templates/get']({}, page)).templates).toHaveLength(lib.templates.length);
  });
});
