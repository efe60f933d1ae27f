import { z } from '../zod';
import { DEFAULT_PROFILE, fitProfile, type FitProfile } from '../fit';
import { syncConfig, type SyncConfig } from '../sync/config';
import { changeSetting, getSetting, putSetting } from './settings';
import { MAX_SUPPRESSED } from '../contacts/suppression';
import type { Store } from './open';
import { STEP_IDS, type StepId } from '../pipeline/steps';
import { defaultLibrary, templateLibrary, type TemplateLibrary } from '../templates';

/**
 * Every setting the extension stores, with its schema and default: the one registry of
 * stored preferences. A corrupted value reads as its default instead of breaking a view.
 */
export const SETTINGS = {
  locale: { schema: z.enum(['en', 'de', 'auto']), default: (): 'en' | 'de' | 'auto' => 'auto' },
  'fit.profiles': { schema: z.array(fitProfile).min(1), default: (): FitProfile[] => [DEFAULT_PROFILE] },
  'fit.active': { schema: z.string().min(1), default: () => DEFAULT_PROFILE.id },
  /** Deals a reminder was shown for, with the due date it was shown for. */
  'reminders.notified': {
    schema: z.record(z.string(), z.number()),
    default: (): Record<string, number> => ({}),
  },
  /** "Never suggest again": SHA-256 hashes of normalised addresses (lib/contacts/suppression), never the addresses. */
  'privacy.suppressed': {
    schema: z.array(z.string().regex(/^[0-9a-f]{64}$/)).max(MAX_SUPPRESSED),
    default: (): string[] => [],
  },
  /** The team server, with its credentials: read by the background only, never sent to a page or a backup. */
  'sync.config': { schema: syncConfig.nullable(), default: (): SyncConfig | null => null },
  /** The rep stopped syncing ("Stop syncing now"): no round or live sync until "Sync now", across worker stops. */
  'sync.paused': { schema: z.boolean(), default: () => false },
  /** When the last full sync ended, kept across worker stops. */
  'sync.last': { schema: z.number().nullable(), default: (): number | null => null },
  /** Working days without a reply before a follow-up is due, per step; a missing step uses the step table. */
  'followUp.workingDays': {
    schema: z.partialRecord(z.enum(STEP_IDS), z.number().int().min(1).max(60)),
    default: (): Partial<Record<StepId, number>> => ({}),
  },
  /** Threads a follow-up reminder was shown for, with the due date it was shown for. */
  'reminders.followUps': {
    schema: z.record(z.string(), z.number()),
    default: (): Record<string, number> => ({}),
  },
  /** Compose templates per step and the needs question sets (lib/templates): the defaults until the rep edits them. */
  'templates.library': { schema: templateLibrary, default: (): TemplateLibrary => defaultLibrary() },
} as const;

export type SettingKey = keyof typeof SETTINGS;
export type SettingValue<K extends SettingKey> = ReturnType<(typeof SETTINGS)[K]['default']>;

/** A stored value as its schema reads it; the default when absent or unreadable. */
function settingValue<K extends SettingKey>(key: K, raw: unknown): SettingValue<K> {
  if (raw === undefined) return SETTINGS[key].default() as SettingValue<K>;
  const parsed = SETTINGS[key].schema.safeParse(raw);
  return (parsed.success ? parsed.data : SETTINGS[key].default()) as SettingValue<K>;
}

export async function readSetting<K extends SettingKey>(store: Store, key: K): Promise<SettingValue<K>> {
  return settingValue(key, await getSetting<unknown>(store, key));
}

/**
 * Reads and rewrites a setting in one transaction (`fn` gets the current value, or the default;
 * returning that same value writes nothing).
 */
export function updateSetting<K extends SettingKey>(
  store: Store,
  key: K,
  fn: (current: SettingValue<K>) => SettingValue<K>,
  source?: 'sync',
): Promise<void> {
  return changeSetting(
    store,
    key,
    (raw) => {
      const current = settingValue(key, raw);
      const value = fn(current);
      return value === current ? undefined : SETTINGS[key].schema.parse(value);
    },
    source,
  );
}

export async function writeSetting<K extends SettingKey>(
  store: Store,
  key: K,
  value: SettingValue<K>,
  source?: 'sync',
): Promise<void> {
  const parsed = SETTINGS[key].schema.parse(value);
  await putSetting(store, key, parsed, source);
}
