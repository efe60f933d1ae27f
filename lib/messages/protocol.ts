import { z } from '../zod';
import { addressProposalSchema } from '../contacts/address-pattern/schema';
import { dealRecord } from '../io/records';
import { STEP_IDS } from '../pipeline/steps';
import {
  activityKindWire,
  dealFactWire,
  detectedContactWire,
  healthWire,
  mailSummaryWire,
  transitionAction,
} from './wire';
import { contactEdit, EDITABLE_FIELDS } from '../contacts/edit';
import { MERGE_FIELDS } from '../contacts/merge';
import { dealEdit } from '../pipeline/deal-edit';
import { MAX_QUESTION, MAX_QUESTIONS } from '../contacts/check-limits';
import { FILE_CHARS, PIECE_CHARS } from '../io/parcels';

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

/** Who may send a message: content scripts in web pages, or the extension's own pages. */
export type SenderContext = 'content' | 'page';

interface Definition<S extends z.ZodType> {
  request: S;
  from: readonly SenderContext[];
}
const def = <S extends z.ZodType>(request: S, from: readonly SenderContext[]): Definition<S> => ({
  request,
  from,
});
const PAGE = ['page'] as const;
const CONTENT = ['content'] as const;

/**
 * Every message of the extension. Content scripts may only report what they found, ask
 * for the state of the addresses on their page, and ask what the public-suffix and phone tables
 * say (`page/checks`, no stored data); everything else is for extension pages.
 */
export const PROTOCOL = {
  // content scripts
  'page/report': def(
    z.strictObject({
      contacts: z.array(detectedContactWire).max(2_000),
      mail: mailSummaryWire.optional(),
      health: healthWire.optional(),
      /** The start of the page's text, for page-keyword rules. */
      pageText: z.string().max(20_000).optional(),
      /** Only what changed since the last report: merged into the tab's contacts, not replacing them. */
      delta: z.boolean().optional(),
    }),
    CONTENT,
  ),
  'page/badges': def(z.strictObject({ emails: z.array(z.string().max(254)).max(2_000) }), CONTENT),
  /**
   * The table-backed answers a slice of the page's detection lacked (lib/contacts/checks-remote.ts):
   * host names for the public-suffix list, number texts (with their region) for the phone metadata.
   */
  'page/checks': def(
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
    CONTENT,
  ),
  /** A badge was clicked: its contact key (as the badge was given it). */
  'page/open-contact': def(z.strictObject({ key: z.string().min(1).max(320) }), CONTENT),
  /** The probe saw a contact signal: load the scanner into the sender's tab. */
  'page/activate': def(empty, CONTENT),
  /** A compose window's recipients: the templates for their deal (#19). Addresses only, bounded. */
  'compose/templates': def(z.strictObject({ recipients: composeRecipients }), CONTENT),
  /** A compose window with an inserted template was sent: the deal's step activity is logged once. */
  'compose/sent': def(
    z.strictObject({ templateId: z.string().min(1).max(100), recipients: composeRecipients }),
    CONTENT,
  ),
  /** Which open incoming messages of a thread the background wants to read for questionnaire answers. */
  'questionnaire/wanted': def(
    z.strictObject({ provider: mailProvider, threadId: id, messageIds: z.array(id).max(100) }),
    CONTENT,
  ),
  /** The text of one incoming message the background asked for: answers are read from it, the text is not kept. */
  'questionnaire/reply': def(
    z.strictObject({ provider: mailProvider, threadId: id, messageId: id, text: z.string().max(50_000) }),
    CONTENT,
  ),
  /** One template filled for the recipients' contact and deal: plain text back, inserted by the page. */
  'compose/fill': def(
    z.strictObject({ templateId: z.string().min(1).max(100), recipients: composeRecipients }),
    CONTENT,
  ),

  // extension pages
  'tab/state': def(z.strictObject({ tabId }), PAGE),
  'tab/scan': def(z.strictObject({ tabId }), PAGE),
  'focus/get': def(z.strictObject({ tabId: tabId.optional() }), PAGE),
  'focus/set': def(z.strictObject({ tabId: tabId.optional(), contactId: id }), PAGE),
  'contacts/search': def(z.strictObject({ query: z.string().max(200) }), PAGE),
  'contacts/get': def(z.strictObject({ id }), PAGE),
  'contacts/add': def(
    z.strictObject({
      contact: detectedContactWire,
      sourceUrl: z.string().max(4_000).optional(),
      /** The guess shown for a person without an address: kept as a guess, never as an address. */
      proposedEmail: addressProposalSchema.optional(),
    }),
    PAGE,
  ),
  /** The rep confirms a contact's guessed address: it becomes one of its addresses. */
  'contacts/confirm-address': def(z.strictObject({ id, expectedVersion: z.number().int().min(1) }), PAGE),
  /** The rep's edit of a contact; limits and normalisation in lib/contacts/edit. */
  'contacts/update': def(
    z.strictObject({
      id,
      expectedVersion: version,
      patch: contactEdit,
      /** Fields whose current value the rep keeps over a detection's suggestion. */
      keep: z.array(z.enum(EDITABLE_FIELDS)).max(EDITABLE_FIELDS.length).optional(),
    }),
    PAGE,
  ),
  'contacts/duplicates': def(z.strictObject({ id }), PAGE),
  'contacts/merge': def(
    z.strictObject({
      keepId: id,
      keepVersion: version,
      otherId: id,
      otherVersion: version,
      choices: z.partialRecord(z.enum(MERGE_FIELDS), z.enum(['keep', 'other'])),
    }),
    PAGE,
  ),
  /** Deletes the person with every deal and activity; `suppress` adds their addresses' hashes. */
  'contacts/forget': def(z.strictObject({ id, suppress: z.boolean() }), PAGE),
  'contacts/forget-undo': def(z.strictObject({ token: id }), PAGE),
  /** Every record that mentions the person, with a JSON and a vCard export of it. */
  'contacts/record': def(z.strictObject({ id }), PAGE),
  'deals/start': def(z.strictObject({ contactId: id, title: z.string().max(300).optional() }), PAGE),
  'deals/transition': def(
    z.strictObject({
      dealId: id,
      expectedVersion: z.number().int().min(1),
      action: transitionAction,
      note: z.string().max(2_000).optional(),
    }),
    PAGE,
  ),
  'deals/fact': def(
    z.strictObject({ dealId: id, expectedVersion: z.number().int().min(1), fact: dealFactWire }),
    PAGE,
  ),
  'deals/schedule': def(
    z.strictObject({
      dealId: id,
      expectedVersion: z.number().int().min(1),
      nextAction: z.strictObject({ text: z.string().min(1).max(500), due: z.number().finite() }).nullable(),
    }),
    PAGE,
  ),
  'deals/restart': def(
    z.strictObject({
      dealId: id,
      expectedVersion: z.number().int().min(1),
      kind: z.enum(['referral', 'repeat']),
      contactId: id.optional(),
    }),
    PAGE,
  ),
  'deals/edit': def(z.strictObject({ dealId: id, expectedVersion: version, edit: dealEdit }), PAGE),
  'deals/delete': def(z.strictObject({ dealId: id, expectedVersion: version }), PAGE),
  /** The contact's e-mail threads (linked to a deal, waiting for a choice, or not linked). */
  'threads/of-contact': def(z.strictObject({ contactId: id }), PAGE),
  /** Links a thread to one of its contact's deals, or unlinks it (`null`). */
  'threads/link': def(z.strictObject({ threadId: id, dealId: id.nullable() }), PAGE),
  'deals/due': def(z.strictObject({ until: z.number().finite() }), PAGE),
  'deals/board': def(
    z.strictObject({
      /** Team sync: only the rep's own deals (and unowned ones), or the whole team's. */
      owner: z.enum(['mine', 'team']).optional(),
      statuses: z
        .array(z.enum(['open', 'won', 'lost']))
        .min(1)
        .max(3),
    }),
    PAGE,
  ),
  'deals/metrics': def(
    z.strictObject({ from: z.number().finite().optional(), to: z.number().finite().optional() }),
    PAGE,
  ),
  'activities/add': def(
    z.strictObject({
      contactId: id,
      dealId: id.optional(),
      kind: activityKindWire,
      text: z.string().max(20_000),
    }),
    PAGE,
  ),
  'settings/get': def(empty, PAGE),
  /** The compose templates and question sets (#19); saved whole, validated by lib/templates. */
  'templates/get': def(empty, PAGE),
  /** Questionnaire answers offered for a deal; the rep accepts each as a need, or dismisses it. */
  'questionnaire/answers': def(z.strictObject({ dealId: id }), PAGE),
  'questionnaire/settle': def(
    z.strictObject({
      threadId: id,
      key: id,
      decision: z.enum(['accept', 'dismiss']),
      dealId: id,
      expectedVersion: version,
      unstated: z.boolean().optional(),
    }),
    PAGE,
  ),
  'templates/save': def(z.strictObject({ library: z.unknown() }), PAGE),
  'settings/set-follow-up-days': def(
    z.strictObject({ step: z.enum(STEP_IDS), days: z.number().int().min(1).max(60) }),
    PAGE,
  ),
  'settings/set-locale': def(z.strictObject({ locale: z.enum(['en', 'de', 'auto']) }), PAGE),
  'settings/save-profile': def(z.strictObject({ profile: z.unknown(), activate: z.boolean() }), PAGE),
  'settings/delete-profile': def(z.strictObject({ id }), PAGE),
  'settings/activate-profile': def(z.strictObject({ id }), PAGE),
  /** inPieces: the file is kept for `data/result` instead of answered whole (a big message stalls the page). */
  'data/backup': def(inPieces, PAGE),
  'data/restore-plan': def(textOrUpload('json', FILE_CHARS.backup), PAGE),
  'data/restore': def(textOrUpload('json', FILE_CHARS.backup), PAGE),
  'data/delete-all': def(z.strictObject({ confirm: z.literal('DELETE') }), PAGE),
  'data/import-csv': def(
    textOrUpload('text', FILE_CHARS.csv, {
      mode: z.enum(['all-or-nothing', 'valid-rows']),
      mapping: z.array(z.string().max(40).nullable()).max(200).optional(),
      /** The chosen file's name: imported fields show "from an import (file, date)". */
      fileName: z.string().max(1_000).optional(),
    }),
    PAGE,
  ),
  'data/export-csv': def(inPieces, PAGE),
  'data/export-vcard': def(inPieces, PAGE),
  'data/import-vcard': def(
    textOrUpload('text', FILE_CHARS.vcard, { fileName: z.string().max(1_000).optional() }),
    PAGE,
  ),
  /** A picked file, sent piece by piece (in order); the import or restore then names the upload. */
  'data/upload': def(
    z.strictObject({ id, index: z.number().int().min(0).max(1_000), text: z.string().max(PIECE_CHARS) }),
    PAGE,
  ),
  /** A piece of a kept result (a backup or an export) from `offset`. */
  'data/result': def(z.strictObject({ id, offset: z.number().int().min(0) }), PAGE),
  /** An upload the page no longer needs (the restore dialog closed without restoring). */
  'data/upload-drop': def(z.strictObject({ id }), PAGE),
  /** Long jobs (imports): the active and recent ones; cancel (rolls back) or resume one. */
  'jobs/list': def(empty, PAGE),
  'jobs/cancel': def(z.strictObject({ id }), PAGE),
  'jobs/resume': def(z.strictObject({ id }), PAGE),
  'health/get': def(empty, PAGE),
  'access/status': def(empty, PAGE),
  'access/sync': def(empty, PAGE),
  'sync/status': def(empty, PAGE),
  /** Saved after the page got the host permission for the server from the same click. */
  'sync/save': def(
    z.strictObject({
      url: z.string().min(1).max(2_000),
      database: z.string().min(1).max(238),
      auth: z.enum(['password', 'cookie', 'none']),
      username: z.string().max(200).optional(),
      /** Omitted: keep the stored one. */
      password: z.string().max(1_000).optional(),
      rep: z.string().max(200).optional(),
    }),
    PAGE,
  ),
  'sync/disable': def(empty, PAGE),
  'sync/now': def(empty, PAGE),
  'sync/conflict': def(z.strictObject({ dealId: id }), PAGE),
  'sync/resolve': def(z.strictObject({ dealId: id, deal: dealRecord.omit({ dueAt: true }) }), PAGE),
} as const;

export type MessageType = keyof typeof PROTOCOL;
export type RequestOf<T extends MessageType> = z.infer<(typeof PROTOCOL)[T]['request']>;

export interface Envelope<T extends MessageType = MessageType> {
  type: T;
  payload: RequestOf<T>;
}

export interface ErrorBody {
  code: string;
  message: string;
}
export type Reply<R> = { ok: true; data: R } | { ok: false; error: ErrorBody };

const envelope = z.strictObject({ type: z.string().max(60), payload: z.unknown() });

export class ProtocolError extends Error {
  constructor(
    readonly code: 'unknown-type' | 'forbidden' | 'invalid',
    message: string,
  ) {
    super(message);
  }
}

/**
 * Checks a raw message against the protocol for the sender's context: known type, allowed for
 * the context, payload valid with no extra keys. Returns the typed envelope or throws.
 */
export function validateMessage(raw: unknown, context: SenderContext): Envelope {
  const outer = envelope.safeParse(raw);
  if (!outer.success) throw new ProtocolError('invalid', 'Not a Pipeline Scout message.');
  const { type, payload } = outer.data;
  if (!Object.hasOwn(PROTOCOL, type))
    throw new ProtocolError('unknown-type', `Unknown message type: ${type.slice(0, 60)}`);
  const definition = PROTOCOL[type as MessageType];
  if (!definition.from.includes(context)) {
    throw new ProtocolError(
      'forbidden',
      `${type} is not allowed from a ${context === 'content' ? 'web page' : 'extension page'}.`,
    );
  }
  const parsed = definition.request.safeParse(payload);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new ProtocolError(
      'invalid',
      `Invalid ${type}: ${issue ? `${issue.path.join('.')} ${issue.message}` : 'bad payload'}`,
    );
  }
  return { type: type as MessageType, payload: parsed.data as RequestOf<MessageType> };
}
