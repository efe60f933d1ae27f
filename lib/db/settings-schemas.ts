import { z } from '../zod';
import { fitProfile } from '../fit/schema';
import { syncConfig } from '../sync/config-schema';
import { MAX_SUPPRESSED } from '../contacts/suppression';
import { STEP_IDS } from '../pipeline/steps';
import { templateLibrary } from '../templates/schema';

/**
 * Every setting's schema (the registry, ./settings-registry.ts, holds the defaults). Loaded with
 * the first setting read or written, not with the store: a service-worker wake that reads no
 * setting builds no schema (and zod's first schemas are the dearest). The registry checks that
 * every key has one, reading the type of its default.
 */
export const SETTING_SCHEMAS = {
  locale: () => z.enum(['en', 'de', 'auto']),
  'fit.profiles': () => z.array(fitProfile).min(1),
  'fit.active': () => z.string().min(1),
  'reminders.notified': () => z.record(z.string(), z.number()),
  'privacy.suppressed': () => z.array(z.string().regex(/^[0-9a-f]{64}$/)).max(MAX_SUPPRESSED),
  'sync.config': () => syncConfig.nullable(),
  'sync.paused': () => z.boolean(),
  'sync.last': () => z.number().nullable(),
  'followUp.workingDays': () => z.partialRecord(z.enum(STEP_IDS), z.number().int().min(1).max(60)),
  'reminders.followUps': () => z.record(z.string(), z.number()),
  'templates.library': () => templateLibrary,
} as const;
