import type { MessageCache } from './types';

/**
 * Forgets every cached message that holds the node, so a change inside a message (a body that
 * finishes loading, a recipient added) has it read afresh while the rest of the thread is reused.
 */
export function forgetAround(cache: MessageCache, node: Node | null): void {
  for (let cur = node; cur; cur = cur.parentNode) if (cur.nodeType === 1) cache.delete(cur as Element);
}
