import { z } from '../zod';
import { FIT_VERDICTS } from '../fit/types';
import { ACTIVITY_KINDS } from '../db/schema';
import { CONTACT_LIMITS } from '../contacts/limits';
import { WIRE_LIST_MAX } from './wire-limits';

const short = (max = 500) => z.string().max(max);

/** A detected contact as a content script may send it: bounded, no DOM. */
const L = CONTACT_LIMITS;
/** Per-field limits are the stored ones; a page sends at most WIRE_LIST_MAX of each list. */
export const detectedContactWire = z.strictObject({
  name: short(L.name).optional(),
  emails: z.array(short(L.email)).max(WIRE_LIST_MAX),
  phones: z.array(short(L.phone)).max(WIRE_LIST_MAX),
  title: short(L.text).optional(),
  company: short(L.text).optional(),
  companyDomain: short(L.domain).optional(),
  profiles: z.array(short(L.profile)).max(WIRE_LIST_MAX),
  role: z.boolean().optional(),
  /** How sure the detection is, 0–1; the popup lists the confident ones first. */
  confidence: z.number().min(0).max(1).optional(),
  /** Which detectors found it, for the sources view. */
  detectors: z.array(short(40)).max(20),
});
export type DetectedContactWire = z.infer<typeof detectedContactWire>;

const participantWire = z.strictObject({ email: short(254), name: short(300).optional() });

/** One message of the open thread: its ids, date and people, never its body. */
export const mailMessageWire = z.strictObject({
  id: short(200).min(1),
  /** The date the page shows, read in the page's zone (epoch ms). */
  at: z.number().int().min(0).max(8.64e15).optional(),
  from: participantWire.optional(),
  to: z.array(participantWire).max(50),
  cc: z.array(participantWire).max(50),
});
export type MailMessageWire = z.infer<typeof mailMessageWire>;

export const mailSummaryWire = z.strictObject({
  provider: z.enum(['gmail', 'outlook']),
  subject: short(1_000).optional(),
  threadId: short(200).optional(),
  /** The open message's sender: the contact in front of the rep. */
  focusEmail: short(254).optional(),
  /** The mailbox owner and its other own addresses: messages from them are the rep's. */
  owner: short(254).optional(),
  own: z.array(short(254)).max(20).optional(),
  messages: z.array(mailMessageWire).max(100).optional(),
});
export type MailSummaryWire = z.infer<typeof mailSummaryWire>;

/** Anchor health of one webmail read: at most this many anchor names per report. */
export const MAX_HEALTH_KEYS = 50;
export const healthWire = z
  .record(
    short(60),
    z.strictObject({
      found: z.number().int().min(0).max(100_000),
      missing: z.number().int().min(0).max(100_000),
    }),
  )
  .refine((h) => Object.keys(h).length <= MAX_HEALTH_KEYS, `At most ${MAX_HEALTH_KEYS} anchors.`);

export const transitionAction = z.enum(['advance', 'back', 'lose', 'reopen']);
export const dealFactWire = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('fit-confirmed') }),
  z.strictObject({ kind: z.literal('need'), need: short(2_000).min(1), unstated: z.boolean().optional() }),
  z.strictObject({ kind: z.literal('needs-agreed'), agreed: z.boolean() }),
  z.strictObject({
    kind: z.literal('proposal-sent'),
    value: z.strictObject({
      amount: z.number().finite().min(0).max(1e12),
      currency: z.string().regex(/^[A-Z]{3}$/),
    }),
  }),
  z.strictObject({ kind: z.literal('feedback') }),
  z.strictObject({ kind: z.literal('terms-agreed') }),
  z.strictObject({ kind: z.literal('paid') }),
  z.strictObject({ kind: z.literal('cadence'), days: z.number().int().min(1).max(365) }),
]);

export const activityKindWire = z.enum(ACTIVITY_KINDS);
export const verdictWire = z.enum(FIT_VERDICTS);
