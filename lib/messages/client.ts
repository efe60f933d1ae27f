import type { Envelope, MessageType, Reply, RequestOf } from './protocol';
import type { ResponseOf } from './responses';

/** An error the background answered with: the code says what kind, the message what to tell the rep. */
export class RemoteError extends Error {
  constructor(
    readonly code: string,
    message: string,
  ) {
    super(message);
    this.name = 'RemoteError';
  }
}

export type Transport = (message: Envelope) => Promise<unknown>;

/** A typed client of the protocol over any transport (runtime.sendMessage in the extension). */
export function createClient(transport: Transport) {
  return async function send<T extends MessageType>(type: T, payload: RequestOf<T>): Promise<ResponseOf<T>> {
    let reply: Reply<ResponseOf<T>> | undefined;
    try {
      reply = (await transport({ type, payload } as Envelope)) as Reply<ResponseOf<T>> | undefined;
    } catch (error) {
      throw new RemoteError(
        'unreachable',
        `Pipeline Scout’s background is not answering: ${(error as Error).message}`,
      );
    }
    if (!reply || typeof reply !== 'object')
      throw new RemoteError('no-reply', 'No answer from the background.');
    if (!reply.ok) throw new RemoteError(reply.error.code, reply.error.message);
    return reply.data;
  };
}
export type Send = ReturnType<typeof createClient>;
