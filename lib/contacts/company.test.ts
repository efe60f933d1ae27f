import { describe, expect, test } from 'vitest';
import { companyDomainOf } from './company';

describe('company domain', () => {
  test('the first registrable domain that is not free mail', () => {
    expect(companyDomainOf(['jane@mail.acme.co.uk'])).toBe('acme.co.uk');
    expect(companyDomainOf(['jane@gmail.com', 'jane.doe@Acme.IO'])).toBe('acme.io');
    expect(companyDomainOf(['jane@gmail.com', 'jane@web.de'])).toBeUndefined();
    expect(companyDomainOf(['user@localhost', 'x@bücher.de'])).toBe('xn--bcher-kva.de');
    expect(companyDomainOf([])).toBeUndefined();
  });
});
