import { startDeal, type Deal, type StartDealInput } from './deal';

/**
 * A deal for tests, as "Start deal" on a found contact makes it: deal d1 of contact c1, named
 * after the company's domain (what detection falls back to), fit confirmed, then what the test says.
 */
export function testDeal(over: Partial<StartDealInput> & Pick<StartDealInput, 'now'>): Deal {
  return startDeal({ id: 'd1', contactId: 'c1', title: 'acme-industrie.de', fitConfirmed: true, ...over });
}
