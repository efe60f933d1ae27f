import { StoreError } from '../db/errors';

/**
 * Big text between an extension page and the background in bounded pieces: a runtime message
 * is cloned whole on the page's main thread, so a 4.5 MB file in one message stalls the page.
 * Uploads come in piece by piece; results go out piece by piece. Bounded: a few parcels, each
 * capped, the oldest dropped first.
 */
export const PIECE_CHARS = 256 * 1024;
/** The biggest parcel kept (characters): the protocol's cap on a backup. */
export const MAX_PARCEL_CHARS = 200 * 1024 * 1024;
const MAX_PARCELS = 4;

const gone = (what: string) => new StoreError('invalid', `${what} (the background restarted): try again.`);

interface Upload {
  pieces: string[];
  /** Pieces received (the texts may have been joined since). */
  count: number;
  chars: number;
}

export class Parcels {
  private readonly uploads = new Map<string, Upload>();
  private readonly results = new Map<string, string>();

  constructor(private readonly newId: () => string = () => crypto.randomUUID()) {}

  /** Appends piece `index` of upload `id` (pieces arrive in order; a repeated piece is ignored). */
  append(id: string, index: number, text: string): { pieces: number; chars: number } {
    let upload = this.uploads.get(id);
    if (!upload) {
      if (index !== 0) throw gone('This upload is gone');
      upload = { pieces: [], count: 0, chars: 0 };
      bounded(this.uploads).set(id, upload);
    }
    if (index < upload.count) return { pieces: upload.count, chars: upload.chars };
    if (index !== upload.count)
      throw new StoreError('invalid', 'A piece of the file went missing: pick it again.');
    if (upload.chars + text.length > MAX_PARCEL_CHARS) {
      this.uploads.delete(id);
      throw new StoreError('invalid', 'This file is too big.');
    }
    upload.pieces.push(text);
    upload.count++;
    upload.chars += text.length;
    return { pieces: upload.count, chars: upload.chars };
  }

  /** The whole text of an upload (kept until it is dropped or pushed out by newer ones). */
  text(id: string): string {
    const upload = this.uploads.get(id);
    if (!upload) throw gone('This upload is gone');
    if (upload.pieces.length > 1) upload.pieces = [upload.pieces.join('')];
    return upload.pieces[0] ?? '';
  }

  drop(id: string): void {
    this.uploads.delete(id);
  }

  /** Keeps a result for the page to fetch piece by piece; returns its id. */
  keep(text: string): { id: string; chars: number } {
    const id = this.newId();
    bounded(this.results).set(id, text);
    return { id, chars: text.length };
  }

  /** The piece of result `id` from `offset`; the last piece forgets the result. */
  piece(id: string, offset: number): { text: string; next?: number } {
    const text = this.results.get(id);
    if (text === undefined) throw gone('This file is gone');
    const end = Math.min(text.length, offset + PIECE_CHARS);
    if (end >= text.length) this.results.delete(id);
    return { text: text.slice(offset, end), ...(end < text.length ? { next: end } : {}) };
  }
}

/** Drops the oldest entries so that one more fits. */
function bounded<V>(map: Map<string, V>): Map<string, V> {
  for (const key of [...map.keys()].slice(0, Math.max(0, map.size - MAX_PARCELS + 1))) map.delete(key);
  return map;
}
