import { beforeEach, describe, expect, test, vi } from 'vitest';

/**
 * Firefox opens a sidebar only from a user action (a click, a shortcut), and only when
 * sidebarAction.open() is called in that same turn: no await may come first.
 */
const api = vi.hoisted(() => ({ browser: {} as Record<string, unknown> }));
vi.mock('wxt/browser', () => api);

const { openSidebar } = await import('./sidebar');
const { registerCommands } = await import('./commands');

const firefox = (open: () => Promise<void>) => {
  const sidebarAction = { open: vi.fn(open) };
  api.browser.sidebarAction = sidebarAction;
  return sidebarAction;
};

beforeEach(() => {
  for (const key of Object.keys(api.browser)) delete api.browser[key];
});

describe('openSidebar', () => {
  test('Firefox: sidebarAction.open is called at once, in the caller’s turn', async () => {
    const sidebar = firefox(async () => undefined);
    const opened = openSidebar(3);
    expect(sidebar.open).toHaveBeenCalledTimes(1);
    expect(await opened).toBe(true);
  });

  test('Firefox refusing (no user action) resolves false', async () => {
    firefox(() =>
      Promise.reject(new Error('sidebarAction.open may only be called from a user input handler')),
    );
    expect(await openSidebar(3)).toBe(false);
  });

  test('Chrome: the side panel of the tab, else of the window, else nothing', async () => {
    const open = vi.fn(async () => undefined);
    api.browser.sidePanel = { open };
    expect(await openSidebar(3)).toBe(true);
    expect(await openSidebar(undefined, 9)).toBe(true);
    expect(await openSidebar()).toBe(false);
    expect(open.mock.calls).toEqual([[{ tabId: 3 }], [{ windowId: 9 }]]);
  });
});

test('the open-sidebar shortcut opens the Firefox sidebar within the command event', () => {
  let onCommand: ((command: string, tab?: { id?: number; windowId?: number }) => void) | undefined;
  api.browser.commands = { onCommand: { addListener: (l: typeof onCommand) => (onCommand = l) } };
  const sidebar = firefox(async () => undefined);
  registerCommands({} as Parameters<typeof registerCommands>[0]);
  onCommand!('open-sidebar', { id: 3, windowId: 1 });
  expect(sidebar.open).toHaveBeenCalledTimes(1);
});
