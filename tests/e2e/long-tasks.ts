import type { Page } from 'playwright-core';

interface TraceEvent {
  name: string;
  ph: string;
  ts: number;
  dur?: number;
  pid: number;
  tid: number;
  args?: { data?: { url?: string; scriptName?: string; frame?: string } };
}

export interface LongTaskReport {
  /** Each extension long task with the extension's script events inside it. */
  detail: { ms: number; scripts: string[] }[];
  /** Main-thread tasks over 50 ms. */
  longTasks: number;
  longestMs: number;
  /** Long tasks during which a script of the extension ran (by the scripts' URLs in the trace). */
  extensionLongTasks: number;
  longestExtensionTaskMs: number;
  /** Time spent in the extension's scripts, over all tasks. */
  extensionScriptMs: number;
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

/**
 * Records a DevTools trace while `run` executes and attributes each long task of the page's main
 * thread: it is the extension's when a script from chrome-extension:// ran inside it.
 */
export async function traceLongTasks(page: Page, run: () => Promise<void>): Promise<LongTaskReport> {
  const cdp = await page.context().newCDPSession(page);
  const events: TraceEvent[] = [];
  cdp.on('Tracing.dataCollected', (e) => events.push(...(e.value as unknown as TraceEvent[])));
  await cdp.send('Tracing.start', {
    categories: 'devtools.timeline,disabled-by-default-devtools.timeline,v8',
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
      .filter(
        (e) =>
          e.name === 'thread_name' && (e.args as { name?: string } | undefined)?.name === 'CrRendererMain',
      )
      .map((e) => `${e.pid}:${e.tid}`),
  );
  const onMain = events.filter((e) => mains.has(`${e.pid}:${e.tid}`));
  const tasks = onMain.filter((e) => e.name === 'RunTask' && e.ph === 'X' && (e.dur ?? 0) > 50_000);
  const ours = onMain.filter(
    (e) =>
      SCRIPT_EVENTS.has(e.name) &&
      e.ph === 'X' &&
      (e.args?.data?.url ?? e.args?.data?.scriptName ?? '').startsWith('chrome-extension://'),
  );
  const sameThread = (a: TraceEvent, b: TraceEvent) => a.pid === b.pid && a.tid === b.tid;
  const extensionTasks = tasks.filter((t) =>
    ours.some((s) => sameThread(s, t) && s.ts >= t.ts && s.ts < t.ts + t.dur!),
  );
  const detail = extensionTasks.map((t) => ({
    ms: Math.round(t.dur! / 1000),
    scripts: ours
      .filter((s) => sameThread(s, t) && s.ts >= t.ts && s.ts < t.ts + t.dur!)
      .map(
        (s) =>
          `${s.name} ${(s.args?.data as { functionName?: string; lineNumber?: number } | undefined)?.functionName ?? ''}:${(s.args?.data as { lineNumber?: number } | undefined)?.lineNumber ?? ''} ${Math.round((s.dur ?? 0) / 1000)}ms`,
      )
      .slice(0, 6),
  }));
  return {
    detail,
    longTasks: tasks.length,
    longestMs: Math.round(Math.max(0, ...tasks.map((t) => t.dur! / 1000))),
    extensionLongTasks: extensionTasks.length,
    longestExtensionTaskMs: Math.round(Math.max(0, ...extensionTasks.map((t) => t.dur! / 1000))),
    extensionScriptMs: Math.round(ours.reduce((sum, s) => sum + (s.dur ?? 0), 0) / 1000),
  };
}
