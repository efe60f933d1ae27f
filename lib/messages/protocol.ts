import type { z } from '../zod';
import type { Requests } from './requests';
import { keptAnswers } from '../kept-answers';

/** Who may send a message: content scripts in web pages, or the extension's own pages. */
export type SenderContext = 'content' | 'page';

const PAGE = ['page'] as const;
const CONTENT = ['content'] as const;

export type MessageType = keyof Requests;

/**
 * Every message of the extension and who may send it. Content scripts may only report what they
 * found, ask for the state of the addresses on their page, and ask what the public-suffix and
 * phone tables say (`page/checks`, no stored data); everything else is for extension pages.
 * The payload schemas are in ./requests, made on first use.
 */
export const SENDERS: { readonly [T in MessageType]: readonly SenderContext[] } = {
  // content scripts
  'page/report': CONTENT,
  'page/badges': CONTENT,
  'page/checks': CONTENT,
  'page/open-contact': CONTENT,
  'page/activate': CONTENT,
  'compose/templates': CONTENT,
  'compose/sent': CONTENT,
  'questionnaire/wanted': CONTENT,
  'questionnaire/reply': CONTENT,
  'compose/fill': CONTENT,

  // extension pages
  'tab/state': PAGE,
  'tab/scan': PAGE,
  'focus/get': PAGE,
  'focus/set': PAGE,
  'contacts/search': PAGE,
  'contacts/get': PAGE,
  'contacts/add': PAGE,
  'contacts/confirm-address': PAGE,
  'contacts/update': PAGE,
  'contacts/duplicates': PAGE,
  'contacts/merge': PAGE,
  'contacts/forget-preview': PAGE,
  'contacts/forget': PAGE,
  'contacts/forget-undo': PAGE,
  'privacy/suppressed-count': PAGE,
  'privacy/unsuppress': PAGE,
  'contacts/record': PAGE,
  'deals/start': PAGE,
  'deals/transition': PAGE,
  'deals/fact': PAGE,
  'deals/schedule': PAGE,
  'deals/restart': PAGE,
  'deals/edit': PAGE,
  'deals/delete': PAGE,
  'threads/of-contact': PAGE,
  'threads/link': PAGE,
  'deals/due': PAGE,
  'deals/board': PAGE,
  'deals/metrics': PAGE,
  'activities/add': PAGE,
  'settings/get': PAGE,
  'templates/get': PAGE,
  'questionnaire/answers': PAGE,
  'questionnaire/settle': PAGE,
  'templates/save': PAGE,
  'settings/set-follow-up-days': PAGE,
  'settings/set-locale': PAGE,
  'settings/save-profile': PAGE,
  'settings/delete-profile': PAGE,
  'settings/activate-profile': PAGE,
  'data/backup': PAGE,
  'data/restore-plan': PAGE,
  'data/restore': PAGE,
  'data/delete-all': PAGE,
  'data/import-csv': PAGE,
  'data/export-csv': PAGE,
  'data/export-vcard': PAGE,
  'data/import-vcard': PAGE,
  'data/upload': PAGE,
  'data/result': PAGE,
  'data/upload-drop': PAGE,
  'jobs/list': PAGE,
  'jobs/cancel': PAGE,
  'jobs/resume': PAGE,
  'health/get': PAGE,
  'access/status': PAGE,
  'access/sync': PAGE,
  'sync/status': PAGE,
  'sync/save': PAGE,
  'sync/disable': PAGE,
  'sync/now': PAGE,
  'sync/conflict': PAGE,
  'sync/resolve': PAGE,
};

export type RequestOf<T extends MessageType> = z.infer<Awaited<ReturnType<Requests[T]>>>;

export interface Envelope<T extends MessageType = MessageType> {
  type: T;
  payload: RequestOf<T>;
}

/** The code of a failed answer: a store failure's (which pages explain from the i18n table), or a protocol one. */
export type { StoreErrorCode } from '../db/errors';

export interface ErrorBody {
  code: string;
  message: string;
}
export type Reply<R> = { ok: true; data: R } | { ok: false; error: ErrorBody };

export class ProtocolError extends Error {
  constructor(
    readonly code: 'unknown-type' | 'forbidden' | 'invalid',
    message: string,
  ) {
    super(message);
  }
}

/** The schemas' module: zod and the schemas load with the first message, not with the worker. */
const requests = () => import('./requests');

/**
 * A message's payload schema, made on its first use and kept: messages of one type that come
 * together (every frame's first report at a wake) share one making; one that failed (a chunk that
 * did not load) is tried again by the next message.
 */
const requestSchema = keptAnswers(async (type: MessageType): Promise<z.ZodType> =>
  (await requests()).REQUESTS[type](),
);

/**
 * Loads the request schemas' module ahead of the first message and builds the envelope every
 * message is checked against first (zod's first schema is its dearest): in the chunked worker
 * that module is in the message path's chunk, handlers included (scripts/build/worker-chunks.ts).
 */
export function preloadRequests(): Promise<unknown> {
  return requests().then((module) => module.envelope());
}

/**
 * Checks a raw message against the protocol for the sender's context: known type, allowed for
 * the context, payload valid with no extra keys. Resolves to the typed envelope or rejects.
 */
export async function validateMessage(raw: unknown, context: SenderContext): Promise<Envelope> {
  const outer = (await requests()).envelope().safeParse(raw);
  if (!outer.success) throw new ProtocolError('invalid', 'Not a Pipeline Scout message.');
  const { type, payload } = outer.data;
  if (!Object.hasOwn(SENDERS, type))
    throw new ProtocolError('unknown-type', `Unknown message type: ${type.slice(0, 60)}`);
  if (!SENDERS[type as MessageType].includes(context)) {
    throw new ProtocolError(
      'forbidden',
      `${type} is not allowed from a ${context === 'content' ? 'web page' : 'extension page'}.`,
    );
  }
  const parsed = (await requestSchema(type as MessageType)).safeParse(payload);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new ProtocolError(
      'invalid',
      `Invalid ${type}: ${issue ? `${issue.path.join('.')} ${issue.message}` : 'bad payload'}`,
    );
  }
  return { type: type as MessageType, payload: parsed.data as RequestOf<MessageType> };
}
