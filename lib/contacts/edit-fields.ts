/**
 * The fields of a contact a rep edits, and the error an edit throws: apart from the edit's schema
 * (./edit.ts, built from the stored record's zod schema) so that the store and provenance, which
 * every service-worker wake loads, do not build that schema until an edit comes.
 */

/** The fields a rep edits in the sidebar; each remembers that the rep set it. */
export const EDITABLE_FIELDS = [
  'name',
  'title',
  'company',
  'companyDomain',
  'emails',
  'phones',
  'profiles',
  'tags',
  'notes',
] as const;
export type EditableField = (typeof EDITABLE_FIELDS)[number];

export class EditError extends Error {
  constructor(
    readonly field: EditableField,
    message: string,
  ) {
    super(message);
    this.name = 'EditError';
  }
}
