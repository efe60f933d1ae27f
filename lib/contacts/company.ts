import { isFreeMailDomain } from '../data';
import { registrableDomain } from './email';

/**
 * The company a person's addresses speak for: the first registrable domain that is not a
 * free-mail provider (acme.io for jane@mail.acme.io; nothing for jane@gmail.com).
 */
export function companyDomainOf(emails: readonly string[]): string | undefined {
  for (const email of emails) {
    const domain = registrableDomain(email.slice(email.lastIndexOf('@') + 1));
    if (domain && !isFreeMailDomain(domain)) return domain;
  }
  return undefined;
}
