/** CouchDB's rule for database names (the config's schema and its checks both hold to it). */
export const DB_NAME = /^[a-z][a-z0-9_$()+/-]*$/;
