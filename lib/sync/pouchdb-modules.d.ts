// The PouchDB packages ship no typings; lib/sync/mirror.ts types the part the sync code uses.
declare module 'pouchdb-core' {
  interface PouchConstructor {
    new (name: string, options?: Record<string, unknown>): unknown;
    plugin(plugin: unknown): PouchConstructor;
    replicate(source: unknown, target: unknown, options?: Record<string, unknown>): unknown;
  }
  const PouchDB: PouchConstructor;
  export default PouchDB;
}
declare module 'pouchdb-adapter-idb' {
  const plugin: unknown;
  export default plugin;
}
declare module 'pouchdb-adapter-http' {
  const plugin: unknown;
  export default plugin;
}
declare module 'pouchdb-adapter-memory' {
  const plugin: unknown;
  export default plugin;
}
declare module 'pouchdb-replication' {
  const plugin: unknown;
  export default plugin;
}
