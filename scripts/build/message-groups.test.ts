import { describe, expect, it } from 'vitest';
import { BIG_SCHEMAS, messageGroups, TEXT_HANDLERS } from './message-groups';

const root = '/repo/';
/** A worker graph shaped like the real one: every listed module present. */
function graph(extra: Record<string, string[]> = {}, root_ = root) {
  const edges: Record<string, string[]> = {
    'lib/messages/requests.ts': ['lib/zod.ts'],
    'lib/db/settings-schemas.ts': ['lib/fit/schema.ts'],
    'lib/fit/schema.ts': ['lib/zod.ts'],
    'entrypoints/background/handlers/settings.ts': ['lib/db/settings-registry.ts'],
    'entrypoints/background/handlers/deals.ts': ['lib/pipeline/deal.ts'],
    'entrypoints/background/handlers/page.ts': ['lib/detect/index.ts', 'lib/messages/wire.ts'],
    'lib/detect/index.ts': ['lib/text/emails.ts'],
    'lib/messages/wire.ts': ['lib/zod.ts', 'lib/contacts/phone.ts'],
    'lib/io/records.ts': ['lib/contacts/address-pattern/schema.ts'],
    ...extra,
  };
  for (const path of [...TEXT_HANDLERS, ...BIG_SCHEMAS]) edges[path] ??= [];
  return new Map(
    Object.entries(edges).map(([id, to]) => [root_ + id, to.map((t) => root_ + t)] as [string, string[]]),
  );
}

describe('messageGroups', () => {
  it("puts the request and settings schemas and the other handlers' imports in worker-later", () => {
    const group = messageGroups(graph());
    expect(group(`${root}lib/messages/requests.ts`)).toBe('worker-later');
    expect(group(`${root}lib/fit/schema.ts`)).toBe('worker-later');
    expect(group(`${root}lib/pipeline/deal.ts`)).toBe('worker-later');
    expect(group(`${root}lib/zod.ts`)).toBe('worker-later');
  });

  it('keeps the big schemas apart, and what only the text handlers use in worker-more', () => {
    const group = messageGroups(graph());
    expect(group(`${root}lib/messages/wire.ts`)).toBe('worker-schemas');
    expect(group(`${root}lib/contacts/phone.ts`)).toBe('worker-schemas');
    expect(group(`${root}lib/contacts/address-pattern/schema.ts`)).toBe('worker-schemas');
    expect(group(`${root}entrypoints/background/handlers/page.ts`)).toBe('worker-more');
    expect(group(`${root}lib/text/emails.ts`)).toBe('worker-more');
  });

  it('a new handler module joins the message path', () => {
    const group = messageGroups(graph({ 'entrypoints/background/handlers/reports.ts': ['lib/reports.ts'] }));
    expect(group(`${root}lib/reports.ts`)).toBe('worker-later');
  });

  it('fails the build when a handler every popup loads reaches detection or the string table', () => {
    expect(() =>
      messageGroups(graph({ 'entrypoints/background/handlers/deals.ts': ['lib/detect/index.ts'] })),
    ).toThrow(/lib\/detect\/index\.ts would be in worker-later/);
    expect(() => messageGroups(graph({ 'lib/io/records.ts': ['lib/i18n/index.ts'] }))).toThrow(
      /lib\/i18n\/index\.ts would be in worker-schemas/,
    );
  });

  it('fails the build when a listed module is renamed or moved', () => {
    const renamed = graph();
    renamed.delete(`${root}entrypoints/background/handlers/record.ts`);
    expect(() => messageGroups(renamed)).toThrow(/handlers\/record\.ts is not in the worker's module graph/);
  });

  it('reads Windows paths alike', () => {
    const windows = graph({}, 'C:\\repo\\');
    const backslashed = new Map(
      [...windows].map(([id, to]) => [id.replaceAll('/', '\\'), to.map((t) => t.replaceAll('/', '\\'))]),
    );
    const group = messageGroups(backslashed);
    expect(group('C:\\repo\\lib\\messages\\wire.ts')).toBe('worker-schemas');
    expect(group('C:\\repo\\lib\\pipeline\\deal.ts')).toBe('worker-later');
  });
});
