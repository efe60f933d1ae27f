import type { SyncConfig } from './config-schema';
import { DB_NAME } from './database-name';

/** The team server a rep syncs with. Pure: checked here, stored by the background only. */
const LOOPBACK = new Set(['localhost', '127.0.0.1', '[::1]']);

export type { SyncConfig };

export type SyncConfigIssue =
  'url-invalid' | 'url-insecure' | 'url-has-credentials' | 'database-invalid' | 'user-missing';

/** The server URL as it will be used (no path, no query), or what is wrong with it. */
export function checkServerUrl(
  raw: string,
): { ok: true; origin: string } | { ok: false; issue: SyncConfigIssue } {
  let url: URL;
  try {
    url = new URL(raw.trim());
  } catch {
    return { ok: false, issue: 'url-invalid' };
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') return { ok: false, issue: 'url-invalid' };
  if (url.username || url.password) return { ok: false, issue: 'url-has-credentials' };
  // Passwords and customer data travel encrypted, except to this machine.
  if (url.protocol === 'http:' && !LOOPBACK.has(url.hostname)) return { ok: false, issue: 'url-insecure' };
  return { ok: true, origin: url.origin };
}

/** Every problem of a config the rep entered; empty when it can be saved. */
export function checkConfig(config: SyncConfig): SyncConfigIssue[] {
  const issues: SyncConfigIssue[] = [];
  const url = checkServerUrl(config.url);
  if (!url.ok) issues.push(url.issue);
  if (!DB_NAME.test(config.database)) issues.push('database-invalid');
  if (config.auth !== 'none' && !config.username?.trim()) issues.push('user-missing');
  return issues;
}

/** The origin pattern asked for as an optional host permission. */
export function originPattern(config: Pick<SyncConfig, 'url'>): string {
  const url = checkServerUrl(config.url);
  if (!url.ok) throw new Error(url.issue);
  const { protocol, hostname } = new URL(url.origin);
  // Match patterns carry no port: the host's permission covers every port of it.
  return `${protocol}//${hostname}/*`;
}

export function remoteDbUrl(config: Pick<SyncConfig, 'url' | 'database'>): string {
  const url = checkServerUrl(config.url);
  if (!url.ok) throw new Error(url.issue);
  const base = new URL(config.url.trim());
  const path = base.pathname.endsWith('/') ? base.pathname : `${base.pathname}/`;
  return `${url.origin}${path}${encodeURIComponent(config.database)}`;
}

/** One local mirror per server and database, so switching servers never mixes two teams. */
export function mirrorName(config: Pick<SyncConfig, 'url' | 'database'>): string {
  return `pipeline-scout-sync-${remoteDbUrl(config)
    .replace(/[^a-z0-9]+/gi, '-')
    .slice(0, 150)}`;
}

/** The rep's name on their deals. */
export function repName(config: SyncConfig | undefined): string | undefined {
  return config?.rep?.trim() || config?.username?.trim() || undefined;
}

export type SyncErrorCode = 'unauthorized' | 'forbidden' | 'no-database' | 'offline' | 'server' | 'failed';

/** What went wrong, as one of the few things a rep can act on. */
export function syncErrorCode(error: unknown): SyncErrorCode {
  const e = error as { status?: number; name?: string; message?: string; code?: string } | null;
  const status = e?.status ?? 0;
  if (status === 401) return 'unauthorized';
  if (status === 403) return 'forbidden';
  if (status === 404) return 'no-database';
  if (status >= 500) return 'server';
  const text = `${e?.name ?? ''} ${e?.code ?? ''} ${e?.message ?? ''}`.toLowerCase();
  if (/fetch|network|econn|socket|hang up|timeout|timedout|offline/.test(text)) return 'offline';
  // A connection cut mid-answer leaves a body that ends early.
  if (/unexpected end of json|invalid json response/.test(text)) return 'offline';
  return 'failed';
}
