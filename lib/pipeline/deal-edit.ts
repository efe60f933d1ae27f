import { z } from '../zod';
import { dealRecord } from '../io/records';
import { PipelineError, scheduleNextAction, type Deal } from './deal';

/**
 * A rep's edit of a deal's own fields, within the stored record's limits (lib/io/records): the
 * title, the value (null removes it) and the next action with its due date (null clears it).
 */
export const dealEdit = z.strictObject({
  title: dealRecord.shape.title.optional(),
  value: dealRecord.shape.value
    .unwrap()
    .extend({ amount: z.number().finite().min(0).max(1e12) })
    .nullable()
    .optional(),
  nextAction: dealRecord.shape.nextAction.unwrap().nullable().optional(),
});
export type DealEdit = z.infer<typeof dealEdit>;

export function applyDealEdit(deal: Deal, raw: DealEdit, now: number): Deal {
  const parsed = dealEdit.safeParse(raw);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    throw new PipelineError('invalid-input', `${issue.path.join('.')}: ${issue.message}`);
  }
  const edit = parsed.data;
  let next: Deal = { ...deal, updatedAt: Math.max(deal.updatedAt, now) };
  if (edit.title !== undefined) {
    const title = edit.title.replace(/\s+/g, ' ').trim();
    if (!title) throw new PipelineError('invalid-input', 'A deal needs a title.');
    next.title = title;
  }
  if (edit.value !== undefined) next.value = edit.value ?? undefined;
  if (edit.nextAction !== undefined) next = scheduleNextAction(next, edit.nextAction ?? undefined, now);
  return next;
}
