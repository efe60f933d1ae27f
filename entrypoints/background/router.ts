import type { Envelope, MessageType, Reply, RequestOf, ResponseOf, SenderContext } from '@/lib/messages';
// The protocol module itself, not the messages index: the wire schemas there are for other layers.
import { ProtocolError, validateMessage } from '@/lib/messages/protocol';
import { PipelineError } from '@/lib/pipeline';
import { StoreError } from '@/lib/db';

export interface SenderInfo {
  id?: string;
  url?: string;
  tab?: { id?: number; url?: string };
  frameId?: number;
}

/** What a handler knows about who asked: the context, and (for content scripts) the tab. */
export interface RequestContext {
  context: SenderContext;
  /** The sender's tab; for content scripts its URL comes from here, never from the message. */
  tabId?: number;
  tabUrl?: string;
}

export type Handler<T extends MessageType> = (
  payload: RequestOf<T>,
  request: RequestContext,
) => Promise<ResponseOf<T>>;
export type HandlerMap = { [T in MessageType]: Handler<T> };

export interface RouterStats {
  handled: number;
  rejected: Record<string, number>;
}

/**
 * The single entry of every message: checks the sender (ours, and which context), validates
 * the message for that context, dispatches, and turns every failure into a readable error.
 */
export function createRouter(
  handlers: HandlerMap,
  identity: { extensionId: string; extensionOrigin: string },
) {
  const stats: RouterStats = { handled: 0, rejected: {} };
  const reject = (code: string, message: string): Reply<never> => {
    stats.rejected[code] = (stats.rejected[code] ?? 0) + 1;
    return { ok: false, error: { code, message } };
  };

  async function handle(raw: unknown, sender: SenderInfo): Promise<Reply<unknown>> {
    if (sender.id !== identity.extensionId)
      return reject('foreign-sender', 'Messages from other extensions are refused.');
    const senderUrl = sender.url ?? sender.tab?.url ?? '';
    const context: SenderContext = senderUrl.startsWith(identity.extensionOrigin) ? 'page' : 'content';
    let envelope: Envelope;
    try {
      envelope = await validateMessage(raw, context);
    } catch (error) {
      if (error instanceof ProtocolError) return reject(error.code, error.message);
      // Not the message's fault: the checks themselves could not run (a worker chunk that did not load).
      const why = error instanceof Error ? error.message : String(error);
      return reject('failed', `The background could not check the message: ${why}`);
    }
    if (context === 'content' && (sender.tab?.id === undefined || sender.frameId === undefined)) {
      return reject('forbidden', 'Content messages must come from a tab.');
    }
    const request: RequestContext = { context, tabId: sender.tab?.id, tabUrl: sender.tab?.url };
    try {
      const handler = handlers[envelope.type] as Handler<MessageType>;
      const data = await handler(envelope.payload, request);
      stats.handled++;
      return { ok: true, data };
    } catch (error) {
      if (error instanceof StoreError || error instanceof PipelineError || error instanceof ProtocolError) {
        return { ok: false, error: { code: error.code, message: error.message } };
      }
      const message = error instanceof Error ? error.message : String(error);
      return { ok: false, error: { code: 'failed', message } };
    }
  }

  return { handle, stats };
}
