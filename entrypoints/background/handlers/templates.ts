import {
  contactsByEmails,
  currentDeal,
  dealsOfContact,
  logTemplateSent,
  readSetting,
  StoreError,
  writeSetting,
  type Store,
} from '@/lib/db';
import type { Contact } from '@/lib/contacts/contact';
import { emailKey } from '@/lib/contacts/email';
import type { Deal } from '@/lib/pipeline';
import { providerForUrl } from '@/lib/webmail/provider';
import {
  factOfSentTemplate,
  fillTemplate,
  parseLibrary,
  questionSetFor,
  contactLocale,
  sentActivityKey,
  templateGroups,
} from '@/lib/templates';
import type { HandlerMap } from '../router';
import type { Services } from '../services';

/** The first recipient (in the To field's order) with a saved contact, and that contact's current deal. */
export async function composeTarget(
  store: Store,
  recipients: string[],
): Promise<{ contact?: Contact; deal?: Deal }> {
  const found = await contactsByEmails(store, recipients);
  for (const email of recipients) {
    const key = emailKey(email);
    const contact = key ? found.get(key) : undefined;
    if (contact) return { contact, deal: currentDeal(await dealsOfContact(store, contact.id)) };
  }
  return {};
}

/** Compose messages come only from a webmail tab (a content script elsewhere has no compose window). */
export function assertWebmail(tabUrl: string | undefined) {
  if (!providerForUrl(tabUrl, { testHosts: import.meta.env.PS_TEST_HOSTS === '1' }))
    throw new StoreError('invalid', 'Templates are offered in Gmail and Outlook compose windows only.');
}

export function templateHandlers(
  services: Services,
): Pick<
  HandlerMap,
  'compose/templates' | 'compose/fill' | 'compose/sent' | 'templates/get' | 'templates/save'
> {
  return {
    async 'compose/templates'({ recipients }, request) {
      assertWebmail(request.tabUrl);
      const store = await services.store();
      const { contact, deal } = await composeTarget(store, recipients);
      const library = await readSetting(store, 'templates.library');
      const language = contact ? contactLocale(contact) : undefined;
      const groups = templateGroups(library, deal?.step, await services.locale(), language);
      return {
        ...(deal ? { dealId: deal.id, step: deal.step } : {}),
        ...(language ? { contactLocale: language } : {}),
        templates: groups.flatMap((g) =>
          g.templates.map((t) => ({ id: t.id, name: t.name, step: t.step, locale: t.locale })),
        ),
      };
    },
    async 'compose/fill'({ templateId, recipients }, request) {
      assertWebmail(request.tabUrl);
      const store = await services.store();
      const library = await readSetting(store, 'templates.library');
      const template = library.templates.find((t) => t.id === templateId);
      if (!template) throw new StoreError('not-found', 'This template no longer exists.');
      const { contact, deal } = await composeTarget(store, recipients);
      const questions =
        template.kind === 'questionnaire' ? questionSetFor(library, template.locale)?.questions : undefined;
      return fillTemplate(template.body, { contact, deal, questions }, template.locale);
    },
    async 'compose/sent'({ templateId, recipients }, request) {
      assertWebmail(request.tabUrl);
      const store = await services.store();
      const template = (await readSetting(store, 'templates.library')).templates.find(
        (t) => t.id === templateId,
      );
      const { deal } = await composeTarget(store, recipients);
      if (!template || !deal) return { logged: false };
      return {
        logged: await logTemplateSent(store, {
          dealId: deal.id,
          key: sentActivityKey(deal, template.kind),
          text: template.name,
          fact: factOfSentTemplate(template.kind, deal),
        }),
      };
    },
    async 'templates/get'() {
      return readSetting(await services.store(), 'templates.library');
    },
    async 'templates/save'({ library }) {
      const parsed = parseLibrary(library);
      if (!parsed.ok)
        throw new StoreError(
          'invalid',
          parsed.issues.map((i) => `${i.path || 'library'}: ${i.message}`).join('\n'),
        );
      const store = await services.store();
      await writeSetting(store, 'templates.library', parsed.library);
      return parsed.library;
    },
  };
}
