import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import type { Page } from 'playwright-core';
import { extensionSamples, type OurSample } from './trace-samples';

interface Frame {
  url?: string;
  functionName?: string;
  lineNumber?: number;
}

interface TraceEvent {
  name: string;
  ph: string;
  ts: number;
  dur?: number;
  /** Thread (CPU) time of the event. */
  tdur?: number;
  pid: number;
  tid: number;
  args?: {
    data?: { url?: string; scriptName?: string; frame?: string; functionName?: string; lineNumber?: number };
    beginData?: { stackTrace?: Frame[]; dirtyObjects?: number; totalObjects?: number };
    elementCount?: number;
    name?: string;
  };
}

/** One extension long task taken apart: what of ours ran in it and what the rest of its time was. */
export interface LongTaskDetail {
  ms: number;
  /** What made it ours: a script event of ours inside it, or (profiled runs) only CPU samples of ours. */
  by: 'event' | 'samples' | 'dirtied';
  /** Profiled runs: milliseconds of CPU samples with our code on the stack (microtasks included). */
  sampledMs?: number;
  /**
   * The task's thread time: far below `ms` when the main thread waited for a CPU (a busy machine
   * preempts the renderer in the middle of a task; the task is long all the same).
   */
  cpuMs: number;
  /** The extension's script events inside the task (name, function:line, ms). */
  scripts: string[];
  /** Milliseconds of the extension's outermost script events inside the task. */
  scriptMs: number;
  /** The task's own steps in order (its direct children of 1 ms or more). */
  steps: string[];
  /** Milliseconds per event name inside the task (outermost of each name, 2 ms or more; not V8's sub-phases). */
  parts: Record<string, number>;
  /**
   * Style and layout work in the task: elements restyled, objects laid out, and the script frame
   * that forced it when one did (a forced synchronous layout).
   */
  rendering: string[];
}

export interface LongTaskReport {
  /** Each extension long task with the extension's script events and the rest of its time. */
  detail: LongTaskDetail[];
  /** Main-thread tasks over 50 ms. */
  longTasks: number;
  longestMs: number;
  /** Long tasks during which a script of the extension ran (by the scripts' URLs in the trace). */
  extensionLongTasks: number;
  longestExtensionTaskMs: number;
  /** Time spent in the extension's scripts, over all tasks. */
  extensionScriptMs: number;
  /**
   * Profiled runs (PS_TRACE_PROFILE=1) only: long tasks in which a CPU sample had our code on its
   * stack, whether or not a script event of ours was there. Our code that runs in a microtask of a
   * message's reply (after `await send(…)`) has no script event of its own: only samples see it.
   */
  extensionLongTasksSampled?: number;
  /**
   * Long tasks with no script of ours that restyled, laid out or pre-painted what our script
   * dirtied since the page's previous rendering (a style or layout invalidation whose stack is
   * ours: badges inserted, moved or restyled). Not in `extensionLongTasks`: it is the browser's
   * rendering, at our request.
   */
  longRenderingTasksDirtiedByUs: number;
}

const SCRIPT_EVENTS = new Set([
  'EvaluateScript',
  'FunctionCall',
  'v8.compile',
  'v8.compileModule',
  'TimerFire',
  'FireAnimationFrame',
  'v8.run',
]);
const EXTENSION = 'chrome-extension://';

const ms = (us = 0) => Math.round(us / 100) / 10;
const end = (e: TraceEvent) => e.ts + (e.dur ?? 0);
const within = (e: TraceEvent, t: TraceEvent) => e !== t && e.ts >= t.ts && e.ts < end(t);
const frameText = (f?: Frame) =>
  f
    ? `${(f.url ?? '').startsWith(EXTENSION) ? 'ours' : 'page'} ${f.functionName || '(anonymous)'}:${f.lineNumber ?? ''}`
    : '';
const scriptUrl = (e: TraceEvent) => e.args?.data?.url ?? e.args?.data?.scriptName ?? '';

/** Outermost events of a list sorted by start: those no earlier one of the list contains. */
function outermost(events: TraceEvent[]): TraceEvent[] {
  const out: TraceEvent[] = [];
  for (const e of events) if (!out.length || e.ts >= end(out.at(-1)!)) out.push(e);
  return out;
}

function describeEvent(e: TraceEvent): string {
  const d = e.args?.data;
  const where = d?.url || d?.scriptName ? ` ${scriptUrl(e).startsWith(EXTENSION) ? 'ours' : 'page'}` : '';
  const fn = d?.functionName ? ` ${d.functionName}:${d.lineNumber ?? ''}` : '';
  return `${e.name}${where}${fn} ${ms(e.dur)}ms`;
}

/** Takes one long task apart (events of its thread, sorted by start). */
function breakdown(
  task: TraceEvent,
  thread: TraceEvent[],
  ours: TraceEvent[],
  samples: OurSample[] | undefined,
): LongTaskDetail {
  const inside = thread.filter((e) => e.ph === 'X' && within(e, task));
  const mine = ours.filter((s) => within(s, task));
  const parts: Record<string, number> = {};
  // V8's own sub-phases (V8.GC_SCAVENGER_…, v8.callFunction) only repeat MinorGC or a script event.
  for (const name of new Set(inside.map((e) => e.name).filter((n) => !/^v8\./i.test(n)))) {
    const total = outermost(inside.filter((e) => e.name === name)).reduce((sum, e) => sum + (e.dur ?? 0), 0);
    if (total >= 2000) parts[name] = ms(total);
  }
  const rendering = inside
    .filter((e) => (e.name === 'Layout' || e.name === 'UpdateLayoutTree') && (e.dur ?? 0) >= 1000)
    .map((e) => {
      const b = e.args?.beginData;
      const size =
        e.name === 'Layout'
          ? ` ${b?.dirtyObjects ?? '?'}/${b?.totalObjects ?? '?'} objects`
          : ` ${e.args?.elementCount ?? '?'} elements`;
      const forcedBy = b?.stackTrace?.length ? ` forced by ${frameText(b.stackTrace[0])}` : '';
      return `${e.name} ${ms(e.dur)}ms${size}${forcedBy}`;
    });
  const sampled = samples?.filter((x) => x.ts >= task.ts && x.ts < end(task));
  return {
    ms: Math.round(task.dur! / 1000),
    by: mine.length ? 'event' : sampled?.length ? 'samples' : 'dirtied',
    ...(sampled ? { sampledMs: ms(sampled.reduce((sum, x) => sum + x.us, 0)) } : {}),
    cpuMs: Math.round((task.tdur ?? 0) / 1000),
    scripts: mine.map(describeEvent).slice(0, 8),
    scriptMs: ms(outermost(mine).reduce((sum, s) => sum + (s.dur ?? 0), 0)),
    steps: outermost(inside)
      .filter((e) => (e.dur ?? 0) >= 1000)
      .map(describeEvent)
      .slice(0, 12),
    parts,
    rendering: rendering.slice(0, 8),
  };
}

const RENDERING = new Set(['UpdateLayoutTree', 'Layout', 'PrePaint']);
const INVALIDATIONS = new Set(['ScheduleStyleRecalculation', 'InvalidateLayout']);

/**
 * Long tasks that render (style, layout, pre-paint) after our script invalidated style or layout
 * since the thread's previous rendering: the invalidation's stack (timeline.stack) names our script.
 */
function dirtiedByUs(onMain: TraceEvent[], long: TraceEvent[], threadOf: (e: TraceEvent) => string) {
  const rendering = onMain.filter((e) => e.ph === 'X' && RENDERING.has(e.name));
  const ourInvalidations = onMain.filter(
    (e) =>
      INVALIDATIONS.has(e.name) &&
      (e.args?.data as { stackTrace?: Frame[] } | undefined)?.stackTrace?.some((f) =>
        (f.url ?? '').startsWith(EXTENSION),
      ),
  );
  return long.filter((t) => {
    const renders = rendering.filter((r) => threadOf(r) === threadOf(t) && within(r, t));
    if (!renders.length) return false;
    // The thread's previous rendering before this task: invalidations after it are this task's to render.
    const since = Math.max(
      0,
      ...rendering.filter((r) => threadOf(r) === threadOf(t) && end(r) <= t.ts).map(end),
    );
    return ourInvalidations.some((i) => threadOf(i) === threadOf(t) && i.ts >= since && i.ts < end(t));
  });
}

/**
 * Records a DevTools trace while `run` executes and attributes each long task of the page's main
 * thread: it is the extension's when a script from chrome-extension:// ran inside it. Each such
 * task is taken apart (`detail`) so a report shows whether our script or the page's rendering,
 * parsing or garbage collection made it long. `PS_TRACE_DIR` keeps the raw trace (every process).
 */
export async function traceLongTasks(
  page: Page,
  run: () => Promise<void>,
  name = 'trace',
): Promise<LongTaskReport> {
  const cdp = await page.context().newCDPSession(page);
  const events: TraceEvent[] = [];
  cdp.on('Tracing.dataCollected', (e) => events.push(...(e.value as unknown as TraceEvent[])));
  // PS_TRACE_PROFILE=1 adds CPU samples (a profile of each task, for reading the kept trace; slower).
  const profile = process.env.PS_TRACE_PROFILE === '1' ? ',disabled-by-default-v8.cpu_profiler' : '';
  await cdp.send('Tracing.start', {
    categories: `devtools.timeline,disabled-by-default-devtools.timeline,disabled-by-default-devtools.timeline.stack,v8${profile}`,
    transferMode: 'ReportEvents',
  });
  await run();
  const done = new Promise<void>((resolve) => cdp.once('Tracing.tracingComplete', () => resolve()));
  await cdp.send('Tracing.end');
  await done;
  await cdp.detach();

  // Renderer main threads (a navigation may move the page to a new renderer process).
  const mains = new Set(
    events
      .filter((e) => e.name === 'thread_name' && e.args?.name === 'CrRendererMain')
      .map((e) => `${e.pid}:${e.tid}`),
  );
  const onMain = events
    .filter((e) => mains.has(`${e.pid}:${e.tid}`))
    .sort((a, b) => a.ts - b.ts || (b.dur ?? 0) - (a.dur ?? 0));
  const threadOf = (e: TraceEvent) => `${e.pid}:${e.tid}`;
  const tasks = onMain.filter((e) => e.name === 'RunTask' && e.ph === 'X' && (e.dur ?? 0) > 50_000);
  const ours = onMain.filter(
    (e) => SCRIPT_EVENTS.has(e.name) && e.ph === 'X' && scriptUrl(e).startsWith(EXTENSION),
  );
  const extensionTasks = tasks.filter((t) => ours.some((s) => threadOf(s) === threadOf(t) && within(s, t)));
  const samples = profile ? extensionSamples(events) : undefined;
  const sampledTasks = samples
    ? tasks.filter((t) => samples.get(threadOf(t))?.some((x) => x.ts >= t.ts && x.ts < end(t)))
    : [];
  if (process.env.PS_TRACE_DIR) {
    const file = `${process.env.PS_TRACE_DIR}/${name}-${Date.now()}.json`;
    mkdirSync(dirname(file), { recursive: true });
    writeFileSync(file, JSON.stringify(events));
  }
  const dirtied = dirtiedByUs(onMain, tasks, threadOf).filter(
    (t) => !extensionTasks.includes(t) && !sampledTasks.includes(t),
  );
  const detail = [...new Set([...extensionTasks, ...sampledTasks, ...dirtied])]
    .sort((a, b) => a.ts - b.ts)
    .map((t) =>
      breakdown(
        t,
        onMain.filter((e) => threadOf(e) === threadOf(t)),
        ours.filter((s) => threadOf(s) === threadOf(t)),
        samples?.get(threadOf(t)) ?? (samples ? [] : undefined),
      ),
    );
  return {
    detail,
    longTasks: tasks.length,
    longestMs: Math.round(Math.max(0, ...tasks.map((t) => t.dur! / 1000))),
    extensionLongTasks: extensionTasks.length,
    longestExtensionTaskMs: Math.round(Math.max(0, ...extensionTasks.map((t) => t.dur! / 1000))),
    extensionScriptMs: Math.round(outermost(ours).reduce((sum, s) => sum + (s.dur ?? 0), 0) / 1000),
    ...(samples ? { extensionLongTasksSampled: sampledTasks.length } : {}),
    longRenderingTasksDirtiedByUs: dirtied.length,
  };
}
