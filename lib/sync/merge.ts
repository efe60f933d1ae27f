import type { Deal, DealFacts } from '../pipeline/deal';

/**
 * Two versions of one deal, changed on two machines, merged so that nothing either rep recorded
 * is dropped: the step, status and history of the version that moved last; every need; each
 * fact at its earliest evidence (the last check-in at its latest); title, value, next action
 * and owner as last edited, the other's where the last left them empty.
 */
export function mergeDeals(a: Deal, b: Deal): Deal {
  const lastMove = (d: Deal) => d.history.at(-1)?.at ?? d.createdAt;
  const [moved, other] =
    lastMove(a) > lastMove(b) || (lastMove(a) === lastMove(b) && a.history.length >= b.history.length)
      ? [a, b]
      : [b, a];
  const [edited, older] = a.updatedAt >= b.updatedAt ? [a, b] : [b, a];
  const union = (x: string[], y: string[]) => [...new Set([...x, ...y])];
  const earliest = (k: keyof DealFacts) => {
    const values = [a.facts[k], b.facts[k]].filter((v): v is number => typeof v === 'number');
    return values.length ? Math.min(...values) : undefined;
  };
  const facts: DealFacts = {
    ...moved.facts,
    fitConfirmed: a.facts.fitConfirmed || b.facts.fitConfirmed,
    outreachAt: earliest('outreachAt'),
    proposalSentAt: earliest('proposalSentAt'),
    feedbackAt: earliest('feedbackAt'),
    termsAgreedAt: earliest('termsAgreedAt'),
    paidAt: earliest('paidAt'),
    lastCheckInAt: Math.max(a.facts.lastCheckInAt ?? -Infinity, b.facts.lastCheckInAt ?? -Infinity),
  };
  if (!Number.isFinite(facts.lastCheckInAt)) delete facts.lastCheckInAt;
  for (const key of Object.keys(facts) as (keyof DealFacts)[])
    if (facts[key] === undefined) delete facts[key];
  const restarts = [
    ...moved.restarts,
    ...other.restarts.filter((r) => !moved.restarts.some((m) => m.dealId === r.dealId)),
  ];
  const merged: Deal = {
    ...moved,
    title: edited.title || older.title,
    needs: {
      stated: union(a.needs.stated, b.needs.stated),
      unstated: union(a.needs.unstated, b.needs.unstated),
      agreed: a.needs.agreed || b.needs.agreed,
    },
    facts,
    restarts,
    updatedAt: Math.max(a.updatedAt, b.updatedAt),
    version: Math.max(a.version, b.version),
  };
  const value = edited.value ?? older.value;
  const owner = edited.owner ?? older.owner;
  // A next action belongs to its step: only one set for the merged step is kept.
  const next = [edited, older].find((d) => d.step === moved.step && d.nextAction)?.nextAction;
  delete merged.value;
  delete merged.owner;
  delete merged.nextAction;
  return {
    ...merged,
    ...(value ? { value } : {}),
    ...(owner ? { owner } : {}),
    ...(next ? { nextAction: next } : {}),
  };
}
