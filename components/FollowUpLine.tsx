import type { FollowUp } from '@/lib/threads/follow-up';
import { followUpLabelKey } from '@/lib/threads/label';
import { useT } from './i18n';

/** "Follow-up due" / "Waiting on you": a deal's e-mail follow-up, on the board and in Due next steps. */
export function FollowUpLine({ followUp, now = Date.now() }: { followUp?: FollowUp; now?: number }) {
  const t = useT();
  const key = followUpLabelKey(followUp, now);
  if (!key || !followUp || followUp.state === 'none') return null;
  return (
    <span class={`follow-up small ${followUp.dueAt <= now ? 'overdue' : ''}`} data-follow-up={followUp.state}>
      {t(key)}
    </span>
  );
}
