import { z } from '../zod';
import { STEP_IDS } from '../pipeline/steps';
import { MERGE_FIELDS } from '../contacts/merge';
import { MAX_QUESTION, MAX_QUESTIONS } from '../contacts/check-limits';
import { FILE_CHARS, PIECE_CHARS } from '../io/parcels';

// The big schemas (the records, what a page reports, the edits) load with the first message that
// carries one: a popup's reads check their payloads without building them (their modules are in
// a chunk of their own in the chunked worker, scripts/build/message-groups.ts).
const wire = () => import('./wire');
const records = () => import('../io/records');
const edits = () => import('../contacts/edit');
const proposals = () => import('../contacts/address-pattern/schema');
const dealEdits = () => import('../pipeline/deal-edit');

let outer: z.ZodType<{ type: string; payload: unknown }> | undefined;
/** Every message's outer shape: a type and a payload, nothing else. */
export function envelope(): z.ZodType<{ type: string; payload: unknown }> {
  return (outer ??= z.strictObject({ type: z.string().max(60), payload: z.unknown() }));
}

const id = z.string().min(1).max(200);
const tabId = z.number().int().min(0);
const empty = z.strictObject({});
const version = z.number().int().min(1);
const inPieces = z.strictObject({ inPieces: z.boolean().optional() });
/** A file's text in the message itself, or the id of an upload sent before in pieces: one of the two. */
const textOrUpload = <K extends string, E extends z.ZodRawShape = Record<never, never>>(
  key: K,
  max: number,
  extra: E = {} as E,
) =>
  z
    .strictObject({
      ...extra,
      ...({ [key]: z.string().max(max).optional() } as Record<K, z.ZodOptional<z.ZodString>>),
      upload: id.optional(),
    })
    .refine(
      (v) => {
        const r = v as Record<string, unknown>;
        return (typeof r[key] === 'string') !== (r.upload !== undefined);
      },
      { message: `Send either ${key} or upload.` },
    );
const mailProvider = z.enum(['gmail', 'outlook']);
const composeRecipients = z.array(z.string().min(3).max(254)).max(50);

/**
 * The request schema of every message, each made on its first use (lib/messages/protocol.ts
 * keeps them, loads this module on the first message and asks for one schema a type): a waking
 * service worker builds only the schemas of the messages it is sent.
 */
export const REQUESTS = {
  // content scripts
  'page/report': async () => {
    const { detectedContactWire, mailSummaryWire, healthWire } = await wire();
    return z.strictObject({
      contacts: z.array(detectedContactWire).max(2_000),
      mail: mailSummaryWire.optional(),
      health: healthWire.optional(),
      /** The start of the page's text, for page-keyword rules. */
      pageText: z.string().max(20_000).optional(),
      /** Only what changed since the last report: merged into the tab's contacts, not replacing them. */
      delta: z.boolean().optional(),
    });
  },
  'page/badges': () => z.strictObject({ emails: z.array(z.string().max(254)).max(2_000) }),
  /**
   * The table-backed answers a slice of the page's detection lacked (lib/contacts/checks-remote.ts):
   * host names for the public-suffix list, number texts (with their region) for the phone metadata.
   */
  'page/checks': () =>
    z.strictObject({
      domains: z.array(z.string().min(1).max(MAX_QUESTION)).max(MAX_QUESTIONS),
      phones: z
        .array(
          z.strictObject({
            text: z.string().min(1).max(MAX_QUESTION),
            region: z
              .string()
              .regex(/^[A-Z]{2}$/)
              .optional(),
          }),
        )
        .max(MAX_QUESTIONS),
    }),
  /** A badge was clicked: its contact key (as the badge was given it). */
  'page/open-contact': () => z.strictObject({ key: z.string().min(1).max(320) }),
  /** The probe saw a contact signal: load the scanner into the sender's tab. */
  'page/activate': () => empty,
  /** A compose window's recipients: the templates for their deal (#19). Addresses only, bounded. */
  'compose/templates': () => z.strictObject({ recipients: composeRecipients }),
  /** A compose window with an inserted template was sent: the deal's step activity is logged once. */
  'compose/sent': () =>
    z.strictObject({ templateId: z.string().min(1).max(100), recipients: composeRecipients }),
  /** Which open incoming messages of a thread the background wants to read for questionnaire answers. */
  'questionnaire/wanted': () =>
    z.strictObject({ provider: mailProvider, threadId: id, messageIds: z.array(id).max(100) }),
  /** The text of one incoming message the background asked for: answers are read from it, the text is not kept. */
  'questionnaire/reply': () =>
    z.strictObject({ provider: mailProvider, threadId: id, messageId: id, text: z.string().max(50_000) }),
  /** One template filled for the recipients' contact and deal: plain text back, inserted by the page. */
  'compose/fill': () =>
    z.strictObject({ templateId: z.string().min(1).max(100), recipients: composeRecipients }),

  // extension pages
  'tab/state': () => z.strictObject({ tabId }),
  'tab/scan': () => z.strictObject({ tabId }),
  'focus/get': () => z.strictObject({ tabId: tabId.optional() }),
  'focus/set': () => z.strictObject({ tabId: tabId.optional(), contactId: id }),
  'contacts/search': () => z.strictObject({ query: z.string().max(200) }),
  'contacts/get': () => z.strictObject({ id }),
  'contacts/add': async () => {
    const [{ detectedContactWire }, { addressProposalSchema }] = await Promise.all([wire(), proposals()]);
    return z.strictObject({
      contact: detectedContactWire,
      sourceUrl: z.string().max(4_000).optional(),
      /** The guess shown for a person without an address: kept as a guess, never as an address. */
      proposedEmail: addressProposalSchema.optional(),
    });
  },
  /** The rep confirms a contact's guessed address: it becomes one of its addresses. */
  'contacts/confirm-address': () => z.strictObject({ id, expectedVersion: z.number().int().min(1) }),
  /** The rep's edit of a contact; limits and normalisation in lib/contacts/edit. */
  'contacts/update': async () => {
    const { contactEdit, EDITABLE_FIELDS } = await edits();
    return z.strictObject({
      id,
      expectedVersion: version,
      patch: contactEdit,
      /** Fields whose current value the rep keeps over a detection's suggestion. */
      keep: z.array(z.enum(EDITABLE_FIELDS)).max(EDITABLE_FIELDS.length).optional(),
    });
  },
  'contacts/duplicates': () => z.strictObject({ id }),
  'contacts/merge': () =>
    z.strictObject({
      keepId: id,
      keepVersion: version,
      otherId: id,
      otherVersion: version,
      choices: z.partialRecord(z.enum(MERGE_FIELDS), z.enum(['keep', 'other'])),
    }),
  /** Deletes the person with every deal and activity; `suppress` adds their addresses' hashes. */
  'contacts/forget-preview': () => z.strictObject({ id }),
  'contacts/forget': () => z.strictObject({ id, suppress: z.boolean() }),
  'contacts/forget-undo': () => z.strictObject({ token: id }),
  /** How many addresses are on the never-suggest list (hashes only: the list cannot be shown). */
  'privacy/suppressed-count': () => empty,
  /** Lifts "never suggest again" for an address the rep types: it is suggested again. */
  'privacy/unsuppress': () => z.strictObject({ email: z.string().min(1).max(320) }),
  /** Every record that mentions the person, with a JSON and a vCard export of it. */
  'contacts/record': () => z.strictObject({ id }),
  'deals/start': () => z.strictObject({ contactId: id, title: z.string().max(300).optional() }),
  'deals/transition': async () =>
    z.strictObject({
      dealId: id,
      expectedVersion: z.number().int().min(1),
      action: (await wire()).transitionAction,
      note: z.string().max(2_000).optional(),
    }),
  'deals/fact': async () =>
    z.strictObject({
      dealId: id,
      expectedVersion: z.number().int().min(1),
      fact: (await wire()).dealFactWire,
    }),
  'deals/schedule': () =>
    z.strictObject({
      dealId: id,
      expectedVersion: z.number().int().min(1),
      nextAction: z.strictObject({ text: z.string().min(1).max(500), due: z.number().finite() }).nullable(),
    }),
  'deals/restart': () =>
    z.strictObject({
      dealId: id,
      expectedVersion: z.number().int().min(1),
      kind: z.enum(['referral', 'repeat']),
      contactId: id.optional(),
    }),
  'deals/edit': async () =>
    z.strictObject({ dealId: id, expectedVersion: version, edit: (await dealEdits()).dealEdit }),
  'deals/delete': () => z.strictObject({ dealId: id, expectedVersion: version }),
  /** The contact's e-mail threads (linked to a deal, waiting for a choice, or not linked). */
  'threads/of-contact': () => z.strictObject({ contactId: id }),
  /** Links a thread to one of its contact's deals, or unlinks it (`null`). */
  'threads/link': () => z.strictObject({ threadId: id, dealId: id.nullable() }),
  'deals/due': () => z.strictObject({ until: z.number().finite() }),
  'deals/board': () =>
    z.strictObject({
      /** Team sync: only the rep's own deals (and unowned ones), or the whole team's. */
      owner: z.enum(['mine', 'team']).optional(),
      statuses: z
        .array(z.enum(['open', 'won', 'lost']))
        .min(1)
        .max(3),
    }),
  'deals/metrics': () =>
    z.strictObject({ from: z.number().finite().optional(), to: z.number().finite().optional() }),
  'activities/add': async () =>
    z.strictObject({
      contactId: id,
      dealId: id.optional(),
      kind: (await wire()).activityKindWire,
      text: z.string().max(20_000),
    }),
  'settings/get': () => empty,
  /** The compose templates and question sets (#19); saved whole, validated by lib/templates. */
  'templates/get': () => empty,
  /** Questionnaire answers offered for a deal; the rep accepts each as a need, or dismisses it. */
  'questionnaire/answers': () => z.strictObject({ dealId: id }),
  'questionnaire/settle': () =>
    z.strictObject({
      threadId: id,
      key: id,
      decision: z.enum(['accept', 'dismiss']),
      dealId: id,
      expectedVersion: version,
      unstated: z.boolean().optional(),
    }),
  'templates/save': () => z.strictObject({ library: z.unknown() }),
  'settings/set-follow-up-days': () =>
    z.strictObject({ step: z.enum(STEP_IDS), days: z.number().int().min(1).max(60) }),
  'settings/set-locale': () => z.strictObject({ locale: z.enum(['en', 'de', 'auto']) }),
  'settings/save-profile': () => z.strictObject({ profile: z.unknown(), activate: z.boolean() }),
  'settings/delete-profile': () => z.strictObject({ id }),
  'settings/activate-profile': () => z.strictObject({ id }),
  /** inPieces: the file is kept for `data/result` instead of answered whole (a big message stalls the page). */
  'data/backup': () => inPieces,
  'data/restore-plan': () => textOrUpload('json', FILE_CHARS.backup),
  'data/restore': () => textOrUpload('json', FILE_CHARS.backup),
  'data/delete-all': () => z.strictObject({ confirm: z.literal('DELETE') }),
  'data/import-csv': () =>
    textOrUpload('text', FILE_CHARS.csv, {
      mode: z.enum(['all-or-nothing', 'valid-rows']),
      mapping: z.array(z.string().max(40).nullable()).max(200).optional(),
      /** The chosen file's name: imported fields show "from an import (file, date)". */
      fileName: z.string().max(1_000).optional(),
    }),
  'data/export-csv': () => inPieces,
  'data/export-vcard': () => inPieces,
  'data/import-vcard': () =>
    textOrUpload('text', FILE_CHARS.vcard, { fileName: z.string().max(1_000).optional() }),
  /** A picked file, sent piece by piece (in order); the import or restore then names the upload. */
  'data/upload': () =>
    z.strictObject({ id, index: z.number().int().min(0).max(1_000), text: z.string().max(PIECE_CHARS) }),
  /** A piece of a kept result (a backup or an export) from `offset`. */
  'data/result': () => z.strictObject({ id, offset: z.number().int().min(0) }),
  /** An upload the page no longer needs (the restore dialog closed without restoring). */
  'data/upload-drop': () => z.strictObject({ id }),
  /** Long jobs (imports): the active and recent ones; cancel (rolls back) or resume one. */
  'jobs/list': () => empty,
  'jobs/cancel': () => z.strictObject({ id }),
  'jobs/resume': () => z.strictObject({ id }),
  'health/get': () => empty,
  'access/status': () => empty,
  'access/sync': () => empty,
  'sync/status': () => empty,
  /** Saved after the page got the host permission for the server from the same click. */
  'sync/save': () =>
    z.strictObject({
      url: z.string().min(1).max(2_000),
      database: z.string().min(1).max(238),
      auth: z.enum(['password', 'cookie', 'none']),
      username: z.string().max(200).optional(),
      /** Omitted: keep the stored one. */
      password: z.string().max(1_000).optional(),
      rep: z.string().max(200).optional(),
    }),
  'sync/disable': () => empty,
  'sync/now': () => empty,
  'sync/conflict': () => z.strictObject({ dealId: id }),
  'sync/resolve': async () =>
    z.strictObject({ dealId: id, deal: (await records()).dealRecord.omit({ dueAt: true }) }),
} satisfies Record<string, () => z.ZodType | Promise<z.ZodType>>;

export type Requests = typeof REQUESTS;
