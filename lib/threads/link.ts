/** A deal as linking sees it. */
export interface LinkCandidate {
  id: string;
  status: 'open' | 'won' | 'lost';
}

/**
 * What opening a thread with a saved contact does: one open deal links automatically, several
 * ask the rep once (the sidebar lists them), none offers "Start deal" with the thread linked.
 * A thread the rep linked or unlinked by hand keeps that choice.
 */
export type LinkDecision =
  | { kind: 'keep' }
  | { kind: 'link'; dealId: string }
  | { kind: 'ask'; dealIds: string[] }
  | { kind: 'offer-start' };

export interface LinkState {
  dealId?: string;
  /** The rep unlinked this thread: never link it again by itself. */
  unlinked?: boolean;
}

export function decideLink(thread: LinkState, deals: readonly LinkCandidate[]): LinkDecision {
  const open = deals.filter((d) => d.status === 'open');
  if (thread.dealId && deals.some((d) => d.id === thread.dealId)) return { kind: 'keep' };
  if (thread.unlinked) return { kind: 'keep' };
  if (open.length === 1) return { kind: 'link', dealId: open[0]!.id };
  if (open.length > 1) return { kind: 'ask', dealIds: open.map((d) => d.id).sort() };
  return { kind: 'offer-start' };
}
