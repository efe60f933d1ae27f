import type { MessageType } from '@/lib/messages';
import type { Handler, HandlerMap } from '../router';
import type { Services } from '../services';

/** A module's handler group: made once per worker from the services. */
export type GroupMaker<K extends MessageType> = (services: Services) => Pick<HandlerMap, K>;

/**
 * The handlers of `types`, whose module is loaded (and its group made) on the first message of
 * one of them: a waking worker evaluates only the handlers it is asked for. Messages that arrive
 * while the module loads wait for it; a failed load (or making of the group) is tried again on the
 * next message.
 */
export function lazyHandlers<K extends MessageType>(
  services: Services,
  types: readonly K[],
  load: () => Promise<GroupMaker<K>>,
): Pick<HandlerMap, K> {
  let group: Promise<Pick<HandlerMap, K>> | undefined;
  const made = () =>
    (group ??= load()
      .then((make) => make(services))
      .catch((error: unknown) => {
        group = undefined;
        throw error;
      }));
  const handlers: Partial<Record<K, Handler<K>>> = {};
  for (const type of types) {
    handlers[type] = async (payload, request) => ((await made())[type] as Handler<K>)(payload, request);
  }
  return handlers as Pick<HandlerMap, K>;
}
