import { describe, expect, test } from 'vitest';
import { defaultLibrary } from './defaults';
import {
  blankQuestionSet,
  blankTemplate,
  duplicateItem,
  freeId,
  insertItem,
  isShipped,
  removeOrReset,
  withKind,
} from './edit';
import { MAX_QUESTION_SETS, MAX_TEMPLATES, parseLibrary, type TemplateLibrary } from './schema';

const ok = (r: ReturnType<typeof insertItem>) => {
  if (!r.ok) throw new Error(r.reason);
  return r;
};

describe('library edits', () => {
  test('duplicate puts a copy with a free id after the original; the library stays valid', () => {
    const lib = defaultLibrary();
    const r = ok(duplicateItem(lib, 'templates', 2, 'Scope (copy)'));
    expect(r.index).toBe(3);
    expect(r.library.templates[3]).toEqual({ ...lib.templates[2], id: 'custom-21', name: 'Scope (copy)' });
    expect(r.library.templates).toHaveLength(lib.templates.length + 1);
    expect(parseLibrary(r.library).ok).toBe(true);
    // a second copy gets another id
    const again = ok(duplicateItem(r.library, 'templates', 3, 'x'));
    expect(new Set(again.library.templates.map((t) => t.id)).size).toBe(again.library.templates.length);
  });

  test('a deleted own item is gone; a default is reset to its shipped text instead', () => {
    const lib = defaultLibrary();
    const copy = ok(duplicateItem(lib, 'questionSets', 0, 'Mine'));
    const removed = ok(removeOrReset(copy.library, 'questionSets', copy.index));
    expect(removed.library.questionSets.map((q) => q.id)).toEqual(['default.b2b.en', 'default.b2b.de']);
    expect(removed.index).toBe(1);

    const edited: TemplateLibrary = {
      ...lib,
      templates: lib.templates.map((t, i) => (i === 0 ? { ...t, name: 'Hi', body: 'changed' } : t)),
    };
    expect(isShipped('templates', edited.templates[0]!)).toBe(false);
    const reset = ok(removeOrReset(edited, 'templates', 0));
    expect(reset.library.templates).toEqual(lib.templates);
    expect(isShipped('templates', reset.library.templates[0]!)).toBe(true);
    expect(isShipped('templates', { ...lib.templates[0]!, id: 'custom-1' })).toBe(false);
    const { body, ...rest } = lib.templates[0]!;
    expect(isShipped('templates', { body, ...rest })).toBe(true);
  });

  test('new items stop at the library’s limits', () => {
    const lib = defaultLibrary();
    const t = blankTemplate(lib, 'negotiation', 'de', 'Neu');
    expect(t).toMatchObject({
      id: 'custom-21',
      kind: 'negotiation',
      step: 'negotiate',
      locale: 'de',
      body: '',
    });
    // an empty text is caught by validation, not silently saved
    const added = ok(insertItem(lib, 'templates', t, -1));
    expect(added.index).toBe(lib.templates.length);
    expect(parseLibrary(added.library).ok).toBe(false);

    const full: TemplateLibrary = {
      ...lib,
      templates: Array.from({ length: MAX_TEMPLATES }, (_, i) => ({ ...lib.templates[0]!, id: `t${i}` })),
      questionSets: Array.from({ length: MAX_QUESTION_SETS }, (_, i) => ({
        ...lib.questionSets[0]!,
        id: `q${i}`,
      })),
    };
    expect(insertItem(full, 'templates', t, 0)).toEqual({ ok: false, reason: 'full' });
    expect(duplicateItem(full, 'questionSets', 0, 'x')).toEqual({ ok: false, reason: 'full' });
    expect(blankQuestionSet(full, 'en', 'New').id).toBe('custom-21');
  });

  test('free ids skip taken ones; a kind change moves the step along', () => {
    const lib = defaultLibrary();
    lib.questionSets.push({ ...lib.questionSets[0]!, id: 'custom-3' });
    expect(freeId(lib, 'questionSets')).toBe('custom-4');
    expect(withKind(lib.templates[0]!, 'proposal-cover')).toMatchObject({
      kind: 'proposal-cover',
      step: 'propose',
    });
  });
});
