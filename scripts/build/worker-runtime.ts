/**
 * The chunked service worker's loader (see ./worker-chunks.ts), as the text the build writes
 * at the head of `background.js`, and the wrappers of the chunks' code.
 *
 * - `__psDefine(file, factory)`: a chunk file's whole content; defines, runs nothing.
 * - `require(spec)` inside a chunk: the chunk file at `spec` (relative to the requiring file),
 *   imported with `importScripts` if its factory is not defined yet, run once, its exports
 *   kept (CommonJS semantics, cycles included).
 * - While the worker installs, every chunk file is imported once: the worker's script cache
 *   then holds them, and a later wake may import them (it may import nothing else). A file
 *   that cannot be imported fails the installation, rather than a later message.
 * - A chunk whose code throws is not kept: the next `require` runs it again (as CommonJS does).
 * - `__psRequireNow(file)`: the stand-ins' way to a deferred module's chunk (a path from the
 *   extension's root).
 */
export const WORKER_ENTRY = 'background.js';

/**
 * The loader, as script text on one line (the entry's code follows on the same line, so its
 * source map stays true): `files` are every chunk file but the entry.
 */
export function loaderSource(files: readonly string[]): string {
  return `(function () {
  var defined = Object.create(null), modules = Object.create(null);
  var files = ${JSON.stringify(files)};
  function resolve(from, spec) {
    var parts = from.split('/');
    parts.pop();
    spec.split('/').forEach(function (part) {
      if (part === '..') parts.pop();
      else if (part !== '.' && part !== '') parts.push(part);
    });
    return parts.join('/');
  }
  function load(file) {
    var module = modules[file];
    if (module) return module.exports;
    if (!defined[file]) {
      try {
        importScripts('/' + file);
      } catch (error) {
        throw new Error('Pipeline Scout: worker chunk ' + file + ' could not be imported (' + error + ')');
      }
    }
    var factory = defined[file];
    if (!factory) throw new Error('Pipeline Scout: worker chunk ' + file + ' did not define itself');
    module = modules[file] = { exports: {} };
    try {
      factory.call(module.exports, module, module.exports, function (spec) { return load(resolve(file, spec)); });
    } catch (error) {
      delete modules[file];
      throw error;
    }
    return module.exports;
  }
  self.__psDefine = function (file, factory) { if (!defined[file]) defined[file] = factory; };
  self.__psRequireNow = load;
  self.__psLoadedChunks = function () { return Object.keys(modules); };
  self.addEventListener('install', function (event) {
    var failed = [];
    files.forEach(function (file) {
      if (defined[file]) return;
      try {
        importScripts('/' + file);
      } catch (error) {
        failed.push(file + ' (' + error + ')');
      }
    });
    if (failed.length) event.waitUntil(Promise.reject(new Error('Pipeline Scout: worker chunks not installed: ' + failed.join(', '))));
  });
})();`.replace(/\n\s*/g, ' ');
}

/** A chunk file's content: its CommonJS code inside its factory. */
export function defineChunk(file: string, code: string): string {
  return `__psDefine(${JSON.stringify(file)}, function (module, exports, require) {${code}\n});\n`;
}

/**
 * `background.js`: the loader, the entry's own factory, the chunks it needs at every wake
 * (already wrapped by `defineChunk`), and its start.
 */
export function entryWithRuntime(
  code: string,
  files: readonly string[],
  atStart: readonly string[] = [],
): string {
  return (
    loaderSource(files) +
    ' ' +
    defineChunk(WORKER_ENTRY, code) +
    atStart.join('') +
    `self.__psRequireNow(${JSON.stringify(WORKER_ENTRY)});\n`
  );
}
