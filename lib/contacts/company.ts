import { isFreeMailHost, registrableDomain } from './email';

/**
 * The company a person's addresses speak for: the first registrable domain that is not a
 * free-mail provider (acme.io for jane@mail.acme.io; nothing for jane@gmail.com). Both answers
 * come from checks.ts, so the content script asks the background for them with one question.
 */
export function companyDomainOf(emails: readonly string[]): string | undefined {
  for (const email of emails) {
    const host = email.slice(email.lastIndexOf('@') + 1);
    const domain = registrableDomain(host);
    if (domain && !isFreeMailHost(host)) return domain;
  }
  return undefined;
}
