import type { MessageKey } from '../i18n';
import type { FollowUp } from './follow-up';

/** The i18n key of a follow-up as the chip, the board and the sidebar name it; none when nothing is owed. */
export function followUpLabelKey(followUp: FollowUp | undefined, now: number): MessageKey | undefined {
  if (!followUp || followUp.state === 'none') return undefined;
  const due = followUp.dueAt <= now;
  if (followUp.state === 'waiting-on-them') return due ? 'followUpDue' : 'followUpWaitingOnThem';
  return due ? 'followUpReplyDue' : 'followUpWaitingOnYou';
}
