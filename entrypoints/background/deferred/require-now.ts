declare global {
  // The chunked worker's loader (scripts/build/worker-runtime.ts) defines it.
  var __psRequireNow: ((file: string) => unknown) | undefined;
}

/**
 * A deferred module of the chunked service worker (scripts/build/worker-chunks.ts): its chunk
 * is imported and run on the first call of the returned function, synchronously, then kept.
 * `file` is the chunk's path from the extension's root (`chunks/<name>.js`).
 */
export function requireNow<T>(file: string): () => T {
  let module: T | undefined;
  return () => {
    if (module) return module;
    const load = globalThis.__psRequireNow;
    if (!load) throw new Error(`Pipeline Scout: ${file} is loaded only by the chunked worker`);
    return (module = load(file) as T);
  };
}
