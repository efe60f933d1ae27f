import type { Locale } from '../pipeline/steps';
import { DEFAULT_QUESTION_SETS, DEFAULT_TEMPLATES } from './defaults';
import {
  MAX_QUESTION_SETS,
  MAX_TEMPLATES,
  type QuestionSet,
  type Template,
  type TemplateKind,
  type TemplateLibrary,
} from './schema';

/**
 * The options editor's changes to a library draft (#19): new, duplicate, delete, reset. Pure; each
 * returns the next draft and the index of the item to show, or the reason it cannot be done.
 * Shipped defaults (ids "default.…") are reset to their shipped text, never deleted.
 */
export type Collection = 'templates' | 'questionSets';
export type EditResult =
  { ok: true; library: TemplateLibrary; index: number } | { ok: false; reason: 'full' };

/** How many items each collection holds at most. */
export const LIBRARY_LIMITS: Record<Collection, number> = {
  templates: MAX_TEMPLATES,
  questionSets: MAX_QUESTION_SETS,
};
const SHIPPED: { [C in Collection]: readonly TemplateLibrary[C][number][] } = {
  templates: DEFAULT_TEMPLATES,
  questionSets: DEFAULT_QUESTION_SETS,
};

/** The shipped version of an item, when it is a default. */
export function shippedOf<C extends Collection>(
  collection: C,
  id: string,
): TemplateLibrary[C][number] | undefined {
  return SHIPPED[collection].find((x) => x.id === id) as TemplateLibrary[C][number] | undefined;
}

/** Whether a default still has its shipped text (nothing to reset). */
export function isShipped(collection: Collection, item: Template | QuestionSet): boolean {
  const shipped: Record<string, unknown> | undefined = shippedOf(collection, item.id);
  const fields: Record<string, unknown> = item;
  // Field by field: a stored copy may list its keys in another order.
  return (
    !!shipped &&
    Object.keys(fields).length === Object.keys(shipped).length &&
    Object.keys(shipped).every((k) => JSON.stringify(shipped[k]) === JSON.stringify(fields[k]))
  );
}

/** An id free in the collection: "custom-1", "custom-2" … (ids are letters, digits, dot, dash). */
export function freeId(library: TemplateLibrary, collection: Collection): string {
  const taken = new Set(library[collection].map((x) => x.id));
  let n = library[collection].length + 1;
  while (taken.has(`custom-${n}`)) n++;
  return `custom-${n}`;
}

/** Inserts an item right after `after` (the end when -1), within the library's limit. */
export function insertItem<C extends Collection>(
  library: TemplateLibrary,
  collection: C,
  item: TemplateLibrary[C][number],
  after: number,
): EditResult {
  const list = library[collection] as TemplateLibrary[C][number][];
  if (list.length >= LIBRARY_LIMITS[collection]) return { ok: false, reason: 'full' };
  const index = after < 0 || after >= list.length ? list.length : after + 1;
  const next = [...list.slice(0, index), item, ...list.slice(index)];
  return { ok: true, library: { ...library, [collection]: next }, index };
}

/** A copy of item `index` with a free id and the given name, placed after it. */
export function duplicateItem(
  library: TemplateLibrary,
  collection: Collection,
  index: number,
  name: string,
): EditResult {
  const source = library[collection][index];
  if (!source) return { ok: true, library, index };
  const copy = { ...structuredClone(source), id: freeId(library, collection), name: name.slice(0, 100) };
  return insertItem(library, collection, copy, index);
}

/**
 * Removes item `index` when it is the rep's own; a default is put back to its shipped text instead.
 * The index to show next is the same place (or the new last item).
 */
export function removeOrReset(library: TemplateLibrary, collection: Collection, index: number): EditResult {
  const list = library[collection] as (Template | QuestionSet)[];
  const item = list[index];
  if (!item) return { ok: true, library, index: 0 };
  const shipped = shippedOf(collection, item.id);
  const next = shipped
    ? list.map((x, i) => (i === index ? structuredClone(shipped) : x))
    : list.filter((_, i) => i !== index);
  return {
    ok: true,
    library: { ...library, [collection]: next },
    index: Math.max(0, Math.min(index, next.length - 1)),
  };
}

/** A new, still empty template of a kind in a language (the step is the kind's usual step). */
export function blankTemplate(
  library: TemplateLibrary,
  kind: TemplateKind,
  locale: Locale,
  name: string,
): Template {
  const like = DEFAULT_TEMPLATES.find((t) => t.kind === kind)!;
  return { id: freeId(library, 'templates'), kind, step: like.step, locale, name, body: '' };
}

/** A new question set, its questions still to write (the editor says a set needs one). */
export function blankQuestionSet(library: TemplateLibrary, locale: Locale, name: string): QuestionSet {
  return { id: freeId(library, 'questionSets'), locale, name, questions: [] };
}

/** A template's kind changed: its step follows the kind's usual step. */
export function withKind(template: Template, kind: TemplateKind): Template {
  return { ...template, kind, step: DEFAULT_TEMPLATES.find((t) => t.kind === kind)!.step };
}
