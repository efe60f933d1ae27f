/**
 * How many of each list a page sends. Its own module: the content script bounds what it sends
 * with it without loading the protocol's zod schemas (lib/messages/wire.ts).
 */
export const WIRE_LIST_MAX = 20;
