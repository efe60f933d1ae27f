import type { Contact } from './contact';

/** A stored contact for tests: every required field empty, then what the test says. */
export function testContact(over: Partial<Contact> = {}): Contact {
  return {
    id: 'c',
    name: '',
    emails: [],
    emailKeys: [],
    phones: [],
    profiles: [],
    tags: [],
    role: false,
    sources: [],
    notes: '',
    searchTerms: [],
    createdAt: 0,
    updatedAt: 0,
    version: 1,
    ...over,
  };
}
