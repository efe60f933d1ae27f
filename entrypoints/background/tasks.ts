import { Parcels } from '@/lib/io/parcels';
import { Tasks } from '@/lib/io/tasks';
import type { Services } from './services';

interface WorkerTasks {
  tasks: Tasks;
  parcels: Parcels;
}

const perServices = new WeakMap<Services, WorkerTasks>();

/**
 * This worker's in-memory tasks (backup, restore, exports) and big texts in transit, one set per
 * background (a worker stop forgets them: the page is told the background stopped). Progress
 * goes to open pages as `job` events, like an import's.
 */
export function workerTasks(services: Services): WorkerTasks {
  let mine = perServices.get(services);
  if (!mine) {
    mine = {
      tasks: new Tasks(
        (job) => services.broadcast({ kind: 'job', job }),
        () => services.now(),
      ),
      parcels: new Parcels(undefined, () => services.now()),
    };
    perServices.set(services, mine);
  }
  return mine;
}

/**
 * The text a request carries, or the upload it names (sent before in pieces), at most `max`
 * characters (the cap of the kind of file: an upload is not checked by the message schema).
 */
export function textOf(
  services: Services,
  text: string | undefined,
  upload: string | undefined,
  max: number,
): string {
  return text ?? workerTasks(services).parcels.text(upload ?? '', max);
}

/** `textOf` for a file read once (an import): the upload is dropped whether it could be read or not. */
export function takeText(
  services: Services,
  text: string | undefined,
  upload: string | undefined,
  max: number,
): string {
  try {
    return textOf(services, text, upload, max);
  } finally {
    if (upload) workerTasks(services).parcels.drop(upload);
  }
}
