import { z } from '../zod';
import { DB_NAME } from './database-name';

/**
 * The stored team-server setting's schema (./config.ts checks and names it): apart, so that
 * a worker wake that syncs nothing builds no schema.
 */
export const syncConfig = z.strictObject({
  url: z.string().max(2_000),
  database: z.string().min(1).max(238).regex(DB_NAME),
  auth: z.enum(['password', 'cookie', 'none']),
  username: z.string().max(200).optional(),
  password: z.string().max(1_000).optional(),
  /** The rep's name on deals they own; the user name when unset. */
  rep: z.string().max(200).optional(),
});
export type SyncConfig = z.infer<typeof syncConfig>;
