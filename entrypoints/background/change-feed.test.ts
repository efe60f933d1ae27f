import { expect, test } from 'vitest';
import { coalesce } from './change-feed';

test('changes in one task flush once; a change during a flush flushes again, after it', async () => {
  const log: string[] = [];
  let release!: () => void;
  let calls = 0;
  const feed = coalesce(async () => {
    calls++;
    log.push(`start ${calls}`);
    if (calls === 1) await new Promise<void>((r) => (release = r));
    log.push(`end ${calls}`);
  });
  feed.schedule();
  feed.schedule();
  feed.schedule();
  await new Promise((r) => setTimeout(r, 5));
  expect(log).toEqual(['start 1']);
  feed.schedule();
  await new Promise((r) => setTimeout(r, 5));
  release();
  await feed.idle();
  expect(log).toEqual(['start 1', 'end 1', 'start 2', 'end 2']);
});
