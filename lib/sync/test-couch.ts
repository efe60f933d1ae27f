import { afterAll, beforeAll } from 'vitest';
import { startCouch, type CouchServer } from './test-server';

/**
 * One pouchdb-server for the tests of a file: started before them, stopped after. What it
 * returns answers for that server once the tests run.
 */
export function couchForTests(): Omit<CouchServer, 'stop'> {
  let server: CouchServer | undefined;
  beforeAll(async () => {
    server = await startCouch();
  }, 60_000);
  afterAll(async () => {
    await server?.stop();
  });
  const running = () => {
    if (!server) throw new Error('The test server is not running (used outside a test?).');
    return server;
  };
  return {
    get url() {
      return running().url;
    },
    get port() {
      return running().port;
    },
    createDb: (name) => running().createDb(name),
  };
}
