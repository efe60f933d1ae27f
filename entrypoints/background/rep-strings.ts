import type { MessageKey, MessageParams } from '@/lib/i18n';
import type { Services } from './services';

/**
 * The rep's language and its strings, for a menu or a notice the background makes: the string
 * table loads with the first of them, not with every wake of the worker.
 */
export async function repStrings(services: Pick<Services, 'locale'>) {
  const [locale, { translate }] = await Promise.all([services.locale(), import('@/lib/i18n')]);
  return { locale, t: (key: MessageKey, params?: MessageParams) => translate(locale, key, params) };
}
