import type { z } from '../zod';
import { DEFAULT_PROFILE } from '../fit/default-profile';
import type { FitProfile } from '../fit/schema';
import type { SyncConfig } from '../sync/config';
import { changeSetting, getSetting, putSetting } from './settings';
import type { Store } from './open';
import type { StepId } from '../pipeline/steps';
import { defaultLibrary } from '../templates/defaults';
import type { TemplateLibrary } from '../templates/schema';
import { keptAnswers } from '../kept-answers';

/**
 * Every setting the extension stores, with its default (its schema is in ./settings-schemas.ts,
 * loaded with the first read or write): the one registry of stored preferences. A corrupted
 * value reads as its default instead of breaking a view.
 */
export const SETTINGS = {
  locale: { default: (): 'en' | 'de' | 'auto' => 'auto' },
  'fit.profiles': { default: (): FitProfile[] => [DEFAULT_PROFILE] },
  'fit.active': { default: () => DEFAULT_PROFILE.id },
  /** Deals a reminder was shown for, with the due date it was shown for. */
  'reminders.notified': { default: (): Record<string, number> => ({}) },
  /** "Never suggest again": SHA-256 hashes of normalised addresses (lib/contacts/suppression), never the addresses. */
  'privacy.suppressed': { default: (): string[] => [] },
  /** The team server, with its credentials: read by the background only, never sent to a page or a backup. */
  'sync.config': { default: (): SyncConfig | null => null },
  /** The rep stopped syncing ("Stop syncing now"): no round or live sync until "Sync now", across worker stops. */
  'sync.paused': { default: () => false },
  /** When the last full sync ended, kept across worker stops. */
  'sync.last': { default: (): number | null => null },
  /** Working days without a reply before a follow-up is due, per step; a missing step uses the step table. */
  'followUp.workingDays': { default: (): Partial<Record<StepId, number>> => ({}) },
  /** Threads a follow-up reminder was shown for, with the due date it was shown for. */
  'reminders.followUps': { default: (): Record<string, number> => ({}) },
  /** Compose templates per step and the needs question sets (lib/templates): the defaults until the rep edits them. */
  'templates.library': { default: (): TemplateLibrary => defaultLibrary() },
} as const;

export type SettingKey = keyof typeof SETTINGS;
export type SettingValue<K extends SettingKey> = ReturnType<(typeof SETTINGS)[K]['default']>;

type Schemas = { [K in SettingKey]: () => z.ZodType<SettingValue<K>> };
/** Every key's schema, of its default's type (a compile-time check of ./settings-schemas.ts). */
const checked = (module: typeof import('./settings-schemas')): Schemas => module.SETTING_SCHEMAS;

/**
 * A setting's schema, made on its first use and kept: first reads that come together make it
 * once; a load that failed is tried again by the next read.
 */
export const settingSchema = keptAnswers(async (key: SettingKey): Promise<z.ZodType> =>
  checked(await import('./settings-schemas'))[key](),
);

/** A stored value as its schema reads it; the default when absent or unreadable. */
function settingValue<K extends SettingKey>(key: K, schema: z.ZodType, raw: unknown): SettingValue<K> {
  if (raw === undefined) return SETTINGS[key].default() as SettingValue<K>;
  const parsed = schema.safeParse(raw);
  return (parsed.success ? parsed.data : SETTINGS[key].default()) as SettingValue<K>;
}

export async function readSetting<K extends SettingKey>(store: Store, key: K): Promise<SettingValue<K>> {
  const schema = await settingSchema(key);
  return settingValue(key, schema, await getSetting<unknown>(store, key));
}

/**
 * Reads and rewrites a setting in one transaction (`fn` gets the current value, or the default;
 * returning that same value writes nothing).
 */
export async function updateSetting<K extends SettingKey>(
  store: Store,
  key: K,
  fn: (current: SettingValue<K>) => SettingValue<K>,
  source?: 'sync',
): Promise<void> {
  // Ready before the transaction: nothing inside it may wait for anything but the database.
  const schema = await settingSchema(key);
  return changeSetting(
    store,
    key,
    (raw) => {
      const current = settingValue(key, schema, raw);
      const value = fn(current);
      return value === current ? undefined : schema.parse(value);
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
  const parsed = (await settingSchema(key)).parse(value);
  await putSetting(store, key, parsed, source);
}
