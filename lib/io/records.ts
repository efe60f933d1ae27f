import { z } from '../zod';
import { STEP_IDS, PHASE_IDS } from '../pipeline/steps';
import { FIT_VERDICTS } from '../fit/types';
import { ACTIVITY_KINDS } from '../db/schema';
import { addressProposalSchema } from '../contacts/address-pattern/schema';
import { CONTACT_LIMITS } from '../contacts/limits';
import { MAX_ANSWER, MAX_ANSWERS_READ, MAX_THREAD_ANSWERS, MAX_THREAD_MESSAGES } from '../threads/limits';

/** Zod schemas of every stored record: a backup and a restore are checked against these. */
const text = (max = 20_000) => z.string().max(max);
const id = z.string().min(1).max(200);
const time = z.number().finite();
const stamps = { createdAt: time, updatedAt: time, version: z.number().int().min(1) };

const L = CONTACT_LIMITS;
export const contactRecord = z.strictObject({
  id,
  name: text(L.name),
  emails: z.array(text(L.email)).max(L.emails),
  emailKeys: z.array(text(L.email)).max(L.emails),
  phones: z.array(text(L.phone)).max(L.phones),
  title: text(L.text).optional(),
  company: text(L.text).optional(),
  companyDomain: text(L.domain).optional(),
  profiles: z.array(text(L.profile)).max(L.profiles),
  tags: z.array(text(L.tag)).max(L.tags),
  role: z.boolean(),
  fit: z
    .strictObject({
      score: z.number().min(0).max(100),
      verdict: z.enum(FIT_VERDICTS),
      reasons: z.array(text(500)).max(500),
      criteriaId: id,
    })
    .optional(),
  sources: z
    .array(z.strictObject({ url: text(4_000), seenAt: time, detector: text(100), field: text(100) }))
    .max(L.sources),
  notes: text(L.notes),
  referredBy: id.optional(),
  proposedEmail: addressProposalSchema.optional(),
  edited: z.record(text(40), time).optional(),
  suggestions: z
    .array(
      z.strictObject({
        field: z.enum(['name', 'title', 'company', 'companyDomain']),
        value: text(2_000),
        url: text(4_000),
        seenAt: time,
        detector: text(100),
      }),
    )
    .max(20)
    .optional(),
  searchTerms: z.array(text(200)).max(L.searchTerms),
  ...stamps,
});

const stepId = z.enum(STEP_IDS);
const status = z.enum(['open', 'won', 'lost']);
const kind = z.enum(['referral', 'repeat']);

export const dealRecord = z.strictObject({
  id,
  contactId: id,
  title: text(500),
  phase: z.enum(PHASE_IDS),
  step: stepId,
  status,
  value: z
    .strictObject({ amount: z.number().finite().min(0), currency: z.string().regex(/^[A-Z]{3}$/) })
    .optional(),
  needs: z.strictObject({
    stated: z.array(text(2_000)).max(500),
    unstated: z.array(text(2_000)).max(500),
    agreed: z.boolean(),
  }),
  facts: z.strictObject({
    fitConfirmed: z.boolean(),
    outreachAt: time.optional(),
    proposalSentAt: time.optional(),
    feedbackAt: time.optional(),
    termsAgreedAt: time.optional(),
    paidAt: time.optional(),
    lastCheckInAt: time.optional(),
    checkInCadenceDays: z.number().int().min(1).max(365),
  }),
  nextAction: z.strictObject({ text: text(2_000), due: time }).optional(),
  history: z
    .array(
      z.strictObject({
        at: time,
        from: stepId.nullable(),
        to: stepId,
        kind: z.enum(['start', 'advance', 'back', 'won', 'lost', 'reopen', 'restart']),
        status,
        note: text(2_000).optional(),
        override: z.boolean().optional(),
      }),
    )
    .min(1)
    .max(10_000),
  stepEnteredAt: time,
  lostReason: text(2_000).optional(),
  origin: z.strictObject({ dealId: id, kind }).optional(),
  restarts: z.array(z.strictObject({ dealId: id, kind, at: time })).max(1_000),
  dueAt: time.optional(),
  owner: text(200).optional(),
  repVersion: z.number().int().min(0).optional(),
  ...stamps,
});

export const activityRecord = z.strictObject({
  id,
  subjectId: id,
  contactId: id,
  dealId: id.optional(),
  kind: z.enum(ACTIVITY_KINDS),
  at: time,
  text: text(),
  messageId: text(500).optional(),
  threadRef: text(500).optional(),
  direction: z.enum(['in', 'out']).optional(),
  ...stamps,
});

export const settingRecord = z.strictObject({ key: text(200), value: z.unknown(), ...stamps });

const direction = z.enum(['in', 'out']);
const email = text(CONTACT_LIMITS.email);

/** A linked webmail thread (lib/db/schema.ts ThreadRecord): people, messages' dates, never a body. */
export const threadRecord = z.strictObject({
  id: text(500).min(1),
  provider: z.enum(['gmail', 'outlook']),
  threadId: text(500).min(1),
  owner: text(500).optional(),
  mailbox: z.strictObject({ account: z.number().int().min(0).optional(), origin: text(500).optional() }),
  subject: text(2_000),
  participants: z.array(z.strictObject({ name: text(500).optional(), email })).max(30),
  prospectKeys: z.array(email).max(30),
  contactId: id.optional(),
  dealId: id.optional(),
  unlinked: z.boolean().optional(),
  askDealIds: z.array(id).max(100).optional(),
  messages: z.array(z.strictObject({ id: text(500).min(1), at: time, direction })).max(MAX_THREAD_MESSAGES),
  lastAt: time.optional(),
  lastDirection: direction.optional(),
  followUp: z.union([
    z.strictObject({ state: z.literal('none') }),
    z.strictObject({ state: z.enum(['waiting-on-them', 'waiting-on-you']), since: time, dueAt: time }),
  ]),
  followUpDueAt: time.optional(),
  pendingAt: time.optional(),
  /** Questionnaire answers read from replies (#19): the answers only, never the message body. */
  answers: z
    .array(
      z.strictObject({
        key: text(600).min(1),
        messageId: text(500).min(1),
        at: time,
        question: text(2_000),
        answer: text(MAX_ANSWER),
        state: z.enum(['offered', 'accepted', 'dismissed']),
      }),
    )
    .max(MAX_THREAD_ANSWERS)
    .optional(),
  answersRead: z.array(text(500).min(1)).max(MAX_ANSWERS_READ).optional(),
  ...stamps,
});
