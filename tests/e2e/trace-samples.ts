/**
 * The CPU samples of a DevTools trace (category disabled-by-default-v8.cpu_profiler) that ran the
 * extension's code: a sample counts when any frame of its stack is from chrome-extension://. They
 * see what trace events cannot: code of ours that runs in a microtask after a message's reply or
 * an `await`, where no script event names our script.
 */
interface ProfileNode {
  id: number;
  parent?: number;
  callFrame: { url?: string };
}

interface ProfileEvent {
  name: string;
  id?: string;
  pid: number;
  tid: number;
  args?: {
    data?: {
      startTime?: number;
      cpuProfile?: { nodes?: ProfileNode[]; samples?: number[] };
      timeDeltas?: number[];
    };
  };
}

/** One sample of ours: when (trace clock, µs) and for how long until the next sample (µs). */
export interface OurSample {
  ts: number;
  us: number;
}

/** Our samples per thread (`pid:tid`), in time order. */
export function extensionSamples(trace: readonly object[], prefix = 'chrome-extension://') {
  const events = trace as ProfileEvent[];
  const profiles = new Map<
    string,
    { thread: string; start: number; nodes: Map<number, ProfileNode>; samples: number[]; deltas: number[] }
  >();
  for (const e of events)
    if (e.name === 'Profile')
      profiles.set(`${e.pid}:${e.id}`, {
        thread: `${e.pid}:${e.tid}`,
        start: e.args?.data?.startTime ?? 0,
        nodes: new Map(),
        samples: [],
        deltas: [],
      });
  for (const e of events) {
    const p = e.name === 'ProfileChunk' ? profiles.get(`${e.pid}:${e.id}`) : undefined;
    if (!p) continue;
    for (const n of e.args?.data?.cpuProfile?.nodes ?? []) p.nodes.set(n.id, n);
    p.samples.push(...(e.args?.data?.cpuProfile?.samples ?? []));
    p.deltas.push(...(e.args?.data?.timeDeltas ?? []));
  }
  const out = new Map<string, OurSample[]>();
  for (const p of profiles.values()) {
    const ours = new Map<number, boolean>();
    const isOurs = (id: number | undefined): boolean => {
      if (id === undefined) return false;
      const known = ours.get(id);
      if (known !== undefined) return known;
      const node = p.nodes.get(id);
      const value = !!node && ((node.callFrame.url ?? '').startsWith(prefix) || isOurs(node.parent));
      ours.set(id, value);
      return value;
    };
    const list = out.get(p.thread) ?? [];
    let ts = p.start;
    p.samples.forEach((id, i) => {
      ts += p.deltas[i] ?? 0;
      if (isOurs(id)) list.push({ ts, us: p.deltas[i + 1] ?? 0 });
    });
    out.set(p.thread, list);
  }
  return out;
}
