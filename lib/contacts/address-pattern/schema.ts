import { z } from '../../zod';
import { PATTERN_IDS } from './catalogue';
import type { AddressProposal } from './propose';
import { DIMENSIONS, type Dimension } from './style';

/**
 * A proposed address as it is stored on a contact and travels in messages: never one of the
 * contact's `emails`, so nothing that sends, matches or dedupes by address takes it for one.
 */
export const addressProposalSchema = z.strictObject({
  address: z.string().min(3).max(254),
  key: z.string().min(3).max(254),
  pattern: z.enum(PATTERN_IDS),
  domain: z.string().min(1).max(253),
  matching: z.number().int().min(1).max(1_000_000),
  total: z.number().int().min(1).max(1_000_000),
  confidence: z.number().min(0).max(1),
  assumed: z.array(z.enum(Object.keys(DIMENSIONS) as [Dimension, ...Dimension[]])).max(5),
}) satisfies z.ZodType<AddressProposal>;
