import { runInNewContext } from 'node:vm';
import { describe, expect, it } from 'vitest';
import { defineChunk, entryWithRuntime, WORKER_ENTRY } from './worker-runtime';

/**
 * The chunked worker's loader, run in a bare context standing in for a service worker:
 * `importScripts` evaluates the named file from `files` (and counts), `install` is dispatched
 * by the test, and nothing else exists.
 */
function worker(files: Record<string, string>, options: { installed?: boolean } = {}) {
  const imported: string[] = [];
  const listeners: Record<string, ((event: { waitUntil(p: Promise<unknown>): void }) => void)[]> = {};
  const waited: Promise<unknown>[] = [];
  const log: string[] = [];
  const context: Record<string, unknown> = {
    log: (line: string) => log.push(line),
    addEventListener: (type: string, listener: (event: { waitUntil(p: Promise<unknown>): void }) => void) =>
      (listeners[type] ??= []).push(listener),
  };
  let installing = !options.installed;
  const cache = new Set<string>();
  context.importScripts = (url: string) => {
    const file = url.replace(/^\//, '');
    // After installation a worker may import only what it imported while installing.
    if (!installing && !cache.has(file)) throw new Error(`NetworkError: ${url} was not installed`);
    if (!(file in files)) throw new Error(`NetworkError: no ${url}`);
    cache.add(file);
    imported.push(file);
    runInNewContext(files[file]!, context);
  };
  context.self = context;
  const start = () => runInNewContext(files[WORKER_ENTRY]!, context);
  const install = () => {
    installing = true;
    for (const listener of listeners.install ?? []) listener({ waitUntil: (p) => waited.push(p) });
    installing = false;
  };
  return { context, imported, log, start, install, cache, waited };
}

const chunks = {
  'chunks/a.js': defineChunk('chunks/a.js', 'log("a ran"); exports.twice = (n) => 2 * n;'),
  'chunks/b.js': defineChunk(
    'chunks/b.js',
    'const a = require("./a.js"); log("b ran"); exports.four = (n) => a.twice(a.twice(n));',
  ),
  'chunks/c.js': defineChunk(
    'chunks/c.js',
    'const main = require("../background.js"); exports.name = main.name;',
  ),
};
const entry = (code: string, atStart: string[] = []) => entryWithRuntime(code, Object.keys(chunks), atStart);

describe('the chunked worker loader', () => {
  it('imports every chunk while installing and runs none of them', () => {
    const w = worker({ ...chunks, [WORKER_ENTRY]: entry('log("main");') });
    w.start();
    w.install();
    expect(w.imported.sort()).toEqual(Object.keys(chunks).sort());
    expect(w.log).toEqual(['main']);
  });

  it('at a later wake, imports a chunk on its first require only, runs it once, resolving relative paths', () => {
    const files = {
      ...chunks,
      [WORKER_ENTRY]: entry(
        'log("main"); exports.name = "entry"; self.go = () => require("./chunks/b.js").four(3);',
      ),
    };
    const first = worker(files);
    first.start();
    first.install();
    // A wake: a fresh context whose script cache holds what installing imported.
    const wake = worker(files, { installed: true });
    for (const file of first.cache) wake.cache.add(file);
    wake.start();
    expect(wake.imported).toEqual([]);
    expect((wake.context.go as () => number)()).toBe(12);
    expect((wake.context.go as () => number)()).toBe(12);
    expect(wake.imported).toEqual(['chunks/b.js', 'chunks/a.js']);
    expect(wake.log).toEqual(['main', 'a ran', 'b ran']);
    // A chunk that requires the entry gets the entry's exports, not a second run of it.
    expect((wake.context.__psRequireNow as (f: string) => { name: string })('chunks/c.js').name).toBe(
      'entry',
    );
    expect(wake.log.filter((l) => l === 'main')).toHaveLength(1);
    expect((wake.context.__psLoadedChunks as () => string[])()).toEqual([
      WORKER_ENTRY,
      'chunks/b.js',
      'chunks/a.js',
      'chunks/c.js',
    ]);
  });

  it('defines the chunks needed at every wake inside background.js: no import for them', () => {
    const w = worker(
      {
        ...chunks,
        [WORKER_ENTRY]: entry('log("main " + require("./chunks/a.js").twice(4));', [chunks['chunks/a.js']]),
      },
      { installed: true },
    );
    w.start();
    expect(w.log).toEqual(['a ran', 'main 8']);
    expect(w.imported).toEqual([]);
  });

  it('a chunk the worker never installed fails with a clear error, and the worker goes on', () => {
    const w = worker(
      { [WORKER_ENTRY]: entry('self.go = () => require("./chunks/gone.js");') },
      { installed: true },
    );
    w.start();
    const chunkError = /worker chunk chunks\/gone\.js could not be imported \(Error: NetworkError/;
    expect(() => (w.context.go as () => unknown)()).toThrow(chunkError);
    expect(() => (w.context.go as () => unknown)()).toThrow(chunkError);
  });

  it('a chunk file missing at installation fails the installation, after importing the others', async () => {
    const files: Record<string, string> = { ...chunks, [WORKER_ENTRY]: entry('') };
    delete files['chunks/b.js'];
    const w = worker(files);
    w.start();
    w.install();
    expect(w.imported.sort()).toEqual(['chunks/a.js', 'chunks/c.js']);
    expect(w.waited).toHaveLength(1);
    await expect(w.waited[0]).rejects.toThrow(/worker chunks not installed: chunks\/b\.js/);
  });

  it('a chunk whose code threw runs again on the next require (nothing half-made is kept)', () => {
    const flaky = {
      'chunks/a.js': defineChunk(
        'chunks/a.js',
        'if (!self.ready) throw new Error("not yet"); exports.ok = true;',
      ),
      [WORKER_ENTRY]: entry('self.go = () => require("./chunks/a.js").ok;'),
    };
    const w = worker(flaky, { installed: true });
    w.cache.add('chunks/a.js');
    w.start();
    expect(() => (w.context.go as () => unknown)()).toThrow('not yet');
    w.context.ready = true;
    expect((w.context.go as () => unknown)()).toBe(true);
  });

  it('keeps the entry code on the first line (its source map stays true)', () => {
    const text = entry('first();\nsecond();');
    expect(text.split('\n')[0]).toMatch(/first\(\);$/);
    expect(text.split('\n')[1]).toBe('second();');
  });
});
