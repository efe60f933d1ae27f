/**
 * Which chunk each module of the chunked worker's message path goes to (./worker-chunks.ts).
 *
 * A chunk runs all of its modules' top-level code on its first `require`, needed or not. When the
 * message path was one chunk, a popup's wake spent 41–47 ms evaluating it, 28 ms of that in
 * modules its reads never touch. So the path is cut in three, each `importScripts` being one
 * round trip to the browser (about 5 ms here):
 * - `worker-later`: the request schemas' module, the settings' schemas (nearly every wake reads a
 *   setting) and every handler module but the text ones, with what they import statically;
 * - `worker-schemas`: the big payload schemas (records, what a page reports, the edits), which
 *   the request schemas' module loads with the first message that carries one;
 * - `worker-more`: the rest, first of all what only the text handlers use.
 */

import { staticClosure } from './static-closure';

/**
 * Handler modules for the messages that read or write text (a page's report, address guesses,
 * replies and templates, a person's whole record): detection's word tables, the string table
 * and the template language come with them, in `worker-more`, not with every message.
 */
export const TEXT_HANDLERS = ['page', 'proposals', 'questionnaire', 'templates', 'record'].map(
  (name) => `entrypoints/background/handlers/${name}.ts`,
);

/** The modules of the big payload schemas (lib/messages/requests.ts imports them lazily). */
export const BIG_SCHEMAS = [
  'lib/messages/wire.ts',
  'lib/io/records.ts',
  'lib/contacts/edit.ts',
  'lib/pipeline/deal-edit.ts',
  'lib/contacts/address-pattern/schema.ts',
];

/** Where the message path starts besides the handler modules. */
const PATH_ROOTS = ['lib/messages/requests.ts', 'lib/db/settings-schemas.ts'];
const HANDLER = /(^|\/)entrypoints\/background\/handlers\/[^/]+\.ts$/;

/** What the split is for: none of these may end up in `worker-later` or `worker-schemas`. */
const TEXT_ONLY = [/(^|\/)lib\/detect\//, /(^|\/)lib\/text\//, /(^|\/)lib\/i18n\/index\.ts$/];

export type MessageGroup = 'worker-later' | 'worker-schemas' | 'worker-more';

const posix = (id: string) => id.replaceAll('\\', '/');

/**
 * The groups of the message path for a module graph (module id → the ids it imports
 * statically). Throws when a listed module is missing from the graph (renamed or moved: the
 * lists here must follow) or when a text-only module would land in a chunk a popup loads.
 */
export function messageGroups(imports: ReadonlyMap<string, readonly string[]>): (id: string) => MessageGroup {
  const ids = [...imports.keys()];
  const find = (path: string) => {
    const id = ids.find((m) => posix(m).endsWith(`/${path}`) || posix(m) === path);
    if (!id)
      throw new Error(`worker chunks: ${path} is not in the worker's module graph; update message-groups.ts`);
    return id;
  };
  const closure = (roots: readonly string[]) => staticClosure(imports, roots);
  const textHandlers = new Set(TEXT_HANDLERS.map(find));
  const handlers = ids.filter((m) => HANDLER.test(posix(m)) && !textHandlers.has(m));
  const later = closure([...PATH_ROOTS.map(find), ...handlers]);
  const schemas = closure(BIG_SCHEMAS.map(find));
  for (const [group, members] of [
    ['worker-later', later],
    ['worker-schemas', schemas],
  ] as const) {
    const text = [...members].find((m) => TEXT_ONLY.some((re) => re.test(posix(m))));
    if (text) throw new Error(`worker chunks: ${posix(text)} would be in ${group}, which every popup loads`);
  }
  return (id) => (later.has(id) ? 'worker-later' : schemas.has(id) ? 'worker-schemas' : 'worker-more');
}
