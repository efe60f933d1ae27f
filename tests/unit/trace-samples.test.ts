import { expect, test } from 'vitest';
import { extensionSamples } from '../e2e/trace-samples';

test('samples whose stack holds a frame of the extension are ours, with their time and length', () => {
  const node = (id: number, url: string, parent?: number) => ({ id, parent, callFrame: { url } });
  const events = [
    { name: 'Profile', id: '0x1', pid: 1, tid: 1, args: { data: { startTime: 1000 } } },
    {
      name: 'ProfileChunk',
      id: '0x1',
      pid: 1,
      tid: 7,
      args: {
        data: {
          cpuProfile: {
            nodes: [
              node(1, ''),
              node(2, 'chrome-extension://abc/content.js', 1),
              node(3, 'https://page/x.js', 2),
            ],
            samples: [1, 3, 2],
          },
          timeDeltas: [10, 100, 200],
        },
      },
    },
    // Another process's profile with the same id is another profile.
    { name: 'Profile', id: '0x1', pid: 2, tid: 2, args: { data: { startTime: 0 } } },
    {
      name: 'ProfileChunk',
      id: '0x1',
      pid: 2,
      tid: 9,
      args: {
        data: { cpuProfile: { nodes: [node(1, 'https://page/y.js')], samples: [1] }, timeDeltas: [5] },
      },
    },
  ];
  const samples = extensionSamples(events);
  // The page's function called from ours (node 3 under node 2) counts; the root alone does not.
  expect(samples.get('1:1')).toEqual([
    { ts: 1110, us: 200 },
    { ts: 1310, us: 0 },
  ]);
  expect(samples.get('2:2')).toEqual([]);
});
