/**
 * The Chromium service worker in chunks, each compiled only when the worker first needs it.
 *
 * Every wake of an MV3 service worker compiles and evaluates its whole script before `main()`:
 * one bundle of 1 MB cost 50–70 ms of each wake, most of it for code the wake never runs
 * (tldts' suffix trie, libphonenumber's metadata, re2js). An extension's worker may not fetch
 * code after installation and refuses `import()`, but `importScripts()` of a script it imported
 * while installing is read from the worker's script cache at any time, synchronously.
 *
 * So the background is built as CommonJS chunks, each wrapped in a factory
 * (`__psDefine(name, function (module, exports, require) {…})`), and `background.js` starts
 * with a small loader (./worker-runtime.ts): it imports every chunk file while the worker
 * installs (defining the factories, running none), and at any later wake a chunk's file is
 * imported and its factory run on the first `require` of it. `import()` inside the worker
 * becomes `Promise.resolve().then(() => require(…))`.
 *
 * Modules the worker should not pay for at every wake but calls synchronously (the public-suffix
 * and phone checks, the linear-time pattern compiler) are entries of their own: every other
 * importer is pointed at a stand-in in entrypoints/background/deferred/, whose functions require
 * the module's chunk on their first call (`__psRequireNow`).
 *
 * Only the Chromium production build is split: Firefox runs the background as an event page
 * (no `importScripts`), and `wxt dev` keeps its own single file.
 */
import { resolve } from 'node:path';
import type { InlineConfig, Plugin } from 'vite';
import { messageGroups, type MessageGroup } from './message-groups';
import { staticClosure } from './static-closure';
import { defineChunk, entryWithRuntime, WORKER_ENTRY } from './worker-runtime';

export interface DeferredModule {
  /** The chunk's name: the file is `chunks/<name>.js`. */
  name: string;
  /** The module, from the project root. */
  module: string;
  /** Its stand-in, from the project root: the module every other importer gets. */
  standIn: string;
}

export const DEFERRED: readonly DeferredModule[] = [
  {
    name: 'worker-checks',
    module: 'lib/contacts/checks.ts',
    standIn: 'entrypoints/background/deferred/checks.ts',
  },
  {
    name: 'worker-linear-regex',
    module: 'lib/fit/linear-regex.ts',
    standIn: 'entrypoints/background/deferred/linear-regex.ts',
  },
];

/** Points every importer of a deferred module but its stand-in at the stand-in. */
function standInsPlugin(root: string): Plugin {
  const byModule = new Map(DEFERRED.map((d) => [resolve(root, d.module), resolve(root, d.standIn)]));
  const standIns = new Set(byModule.values());
  const entries = new Set(byModule.keys());
  return {
    name: 'pipeline-scout:worker-stand-ins',
    enforce: 'pre',
    async resolveId(source, importer, options) {
      if (!importer || standIns.has(importer) || options.isEntry) return null;
      const resolved = await this.resolve(source, importer, { ...options, skipSelf: true });
      const standIn = resolved && byModule.get(resolved.id);
      // The deferred module's own entry keeps its real imports.
      if (!standIn || entries.has(importer)) return null;
      return standIn;
    },
  };
}

const SYNC_LIBRARIES = /[\\/]node_modules[\\/](pouchdb-|spark-md5|vuvuzela)/;
const CSV_LIBRARY = /[\\/]node_modules[\\/]papaparse/;

/**
 * The worker's chunks, few and coarse: every `importScripts` of an installed script is a round
 * trip to the browser (about 5 ms on this machine), so a wake must need few files.
 * - `worker-core`: all that `background.js` imports statically (read at every wake);
 * - `worker-sync` (PouchDB) and `worker-csv` (papaparse): only when syncing or reading CSV;
 * - the message path in three (./message-groups.ts): `worker-later` (what a popup's reads need),
 *   `worker-schemas` (the big payload schemas) and `worker-more` (the rest);
 * - the deferred modules' own entries keep what only they use (tldts, libphonenumber, re2js).
 */
function chunkGroups(): { plugin: Plugin; name: (id: string) => string | null } {
  const imports = new Map<string, readonly string[]>();
  let entry: string | undefined;
  let core: Set<string> | undefined;
  let deferred: Set<string> | undefined;
  let message: ((id: string) => MessageGroup) | undefined;
  const deferredEntries: string[] = [];
  const closureOf = (from: string) => staticClosure(imports, [from]);
  const plugin: Plugin = {
    name: 'pipeline-scout:worker-chunk-graph',
    moduleParsed(info) {
      imports.set(info.id, info.importedIds);
      if (!info.isEntry) return;
      if (info.id.includes('wxt-background-entrypoint')) entry = info.id;
      else deferredEntries.push(info.id);
    },
  };
  const name = (id: string) => {
    if (!entry) throw new Error('the background entry was not seen: check worker-chunks.ts');
    core ??= closureOf(entry);
    deferred ??= staticClosure(imports, deferredEntries);
    if (core.has(id) || /rolldown.runtime/.test(id)) return 'worker-core';
    // A deferred module and the libraries only it needs stay in its own chunk; what it shares
    // with the rest (word lists, phrases) goes with the message path, not in chunks of its own.
    if (deferredEntries.includes(id) || (deferred.has(id) && /[\\/]node_modules[\\/]/.test(id))) return null;
    // A module that reaches PouchDB or papaparse goes with it: `worker-later` never requires them.
    const reaches = (re: RegExp) => [...closureOf(id)].some((m) => re.test(m));
    if (reaches(SYNC_LIBRARIES)) return 'worker-sync';
    if (reaches(CSV_LIBRARY)) return 'worker-csv';
    message ??= messageGroups(imports);
    return message(id);
  };
  return { plugin, name };
}

/**
 * Wraps every chunk in its factory. The chunks the entry requires at every wake, and rolldown's
 * runtime helpers, are defined inside `background.js` itself (one script, no round trip); the
 * rest stay files, listed for the loader to import while the worker installs.
 */
function wrapPlugin(): Plugin {
  return {
    name: 'pipeline-scout:worker-chunks',
    enforce: 'post',
    generateBundle(_options, bundle) {
      const entry = bundle[WORKER_ENTRY];
      if (entry?.type !== 'chunk') throw new Error(`no ${WORKER_ENTRY} in the worker's bundle`);
      const chunks = Object.values(bundle).filter((f) => f.type === 'chunk');
      // rolldown's runtime helpers (a kilobyte) serve every chunk: always inside background.js.
      const runtime = chunks.filter((f) => f.name === 'rolldown-runtime').map((f) => f.fileName);
      const atStart = staticClosure(new Map(chunks.map((c) => [c.fileName, c.imports])), [
        ...entry.imports,
        ...runtime,
      ]);
      const inlined: string[] = [];
      for (const file of atStart) {
        const chunk = bundle[file] as typeof entry;
        inlined.push(defineChunk(file, chunk.code));
        delete bundle[file];
        delete bundle[`${file}.map`];
      }
      const files = Object.values(bundle)
        .filter((f) => f.type === 'chunk' && f.fileName !== WORKER_ENTRY)
        .map((f) => f.fileName);
      // Every chunk a chunk requires, now or later, is inside background.js or on the install
      // list: a wake may import nothing the worker did not import while installing.
      const reachable = new Set([WORKER_ENTRY, ...atStart, ...files]);
      for (const chunk of [entry, ...Object.values(bundle)])
        if (chunk.type === 'chunk')
          for (const needed of [...chunk.imports, ...chunk.dynamicImports])
            if (!reachable.has(needed))
              throw new Error(`worker chunk ${chunk.fileName} needs ${needed}, which no wake could import`);
      for (const chunk of Object.values(bundle)) {
        if (chunk.type !== 'chunk') continue;
        // Source maps stay line-true: the wrapper's head is on the code's first line.
        chunk.code =
          chunk === entry
            ? entryWithRuntime(chunk.code, files, inlined)
            : defineChunk(chunk.fileName, chunk.code);
      }
    },
  };
}

/**
 * Turns WXT's background build (lib mode, one IIFE) into the chunked worker: called from the
 * `vite:build:extendConfig` hook with the background's merged config.
 */
export function splitWorker(config: InlineConfig, root: string): void {
  const build = (config.build ??= {});
  const lib = build.lib;
  if (!lib) throw new Error('the background is no longer built in lib mode: check worker-chunks.ts');
  const entry = lib.entry;
  if (typeof entry !== 'string') throw new Error('unexpected background entry');
  lib.entry = {
    background: entry,
    ...Object.fromEntries(DEFERRED.map((d) => [d.name, resolve(root, d.module)])),
  };
  lib.formats = ['cjs'];
  const groups = chunkGroups();
  const rollup = (build.rollupOptions ??= {});
  // The deferred entries keep their exports; a chunk may export more (what the groups need).
  rollup.preserveEntrySignatures = 'allow-extension';
  const output = Array.isArray(rollup.output) ? rollup.output[0]! : (rollup.output ??= {});
  Object.assign(output, {
    entryFileNames: (chunk: { name: string }) =>
      chunk.name === 'background' ? WORKER_ENTRY : `chunks/${chunk.name}.js`,
    chunkFileNames: 'chunks/[name]-[hash].js',
    dynamicImportInCjs: false,
    exports: 'named',
    codeSplitting: { includeDependenciesRecursively: false, groups: [{ name: groups.name }] },
  });
  config.plugins = [...(config.plugins ?? []), standInsPlugin(root), groups.plugin, wrapPlugin()];
}
