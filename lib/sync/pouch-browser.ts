import PouchDB from 'pouchdb-core';
import idb from 'pouchdb-adapter-idb';
import http from 'pouchdb-adapter-http';
import replication from 'pouchdb-replication';
import { createKit } from './kit';

/** PouchDB as the extension loads it (only in the lazily loaded sync chunk): IndexedDB mirror, HTTP remote. */
export const browserKit = createKit(PouchDB.plugin(idb).plugin(http).plugin(replication), 'idb');
