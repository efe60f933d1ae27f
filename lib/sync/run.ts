/**
 * The lazily loaded sync chunk: everything that pulls in PouchDB. The background imports this
 * module only when a team server is configured, so a rep without sync never loads it.
 */
export { createEngine, type Engine, type SyncStatus } from './engine';
export { browserKit } from './pouch-browser';
