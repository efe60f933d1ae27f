import { StoreError } from '../db/errors';

/**
 * Big text between an extension page and the background in bounded pieces: a runtime message
 * is cloned whole on the page's main thread, so a 4.5 MB file in one message stalls the page.
 * Uploads come in piece by piece; results go out piece by piece. Bounded: a few parcels, each
 * capped, all of them together capped (a transfer past that is refused), a result nobody fetched
 * dropped after a while.
 */
export const PIECE_CHARS = 256 * 1024;
/** The biggest file of each kind (characters): the protocol's caps, and what an upload may reach. */
export const FILE_CHARS = {
  backup: 200 * 1024 * 1024,
  csv: 100 * 1024 * 1024,
  vcard: 50 * 1024 * 1024,
} as const;
/** The biggest parcel kept (characters): the biggest file (a backup). */
export const MAX_PARCEL_CHARS = FILE_CHARS.backup;
/** Every upload and result together (characters): one biggest file and a CSV beside it. */
export const MAX_TOTAL_CHARS = FILE_CHARS.backup + FILE_CHARS.csv;
/** A result not fetched for this long was abandoned (the page closed): it is dropped. */
export const RESULT_IDLE_MS = 5 * 60_000;
const MAX_PARCELS = 4;

export interface ParcelLimits {
  maxParcel: number;
  maxTotal: number;
  resultIdleMs: number;
}

const gone = (what: string) => new StoreError('invalid', `${what} (the background restarted): try again.`);

interface Upload {
  pieces: string[];
  /** Pieces received (the texts may have been joined since). */
  count: number;
  chars: number;
}

const tooMuch = () =>
  new StoreError(
    'invalid',
    'Too much data is in transit at once: wait until the other backup, restore, import or export is done, then try again.',
  );

export class Parcels {
  private readonly uploads = new Map<string, Upload>();
  private readonly results = new Map<string, { text: string; touched: number }>();
  private readonly limits: ParcelLimits;

  constructor(
    private readonly newId: () => string = () => crypto.randomUUID(),
    private readonly now: () => number = () => Date.now(),
    limits: Partial<ParcelLimits> = {},
  ) {
    this.limits = {
      maxParcel: MAX_PARCEL_CHARS,
      maxTotal: MAX_TOTAL_CHARS,
      resultIdleMs: RESULT_IDLE_MS,
      ...limits,
    };
  }

  /** Characters held now, uploads and results together (abandoned results dropped first). */
  held(): number {
    this.dropIdle();
    let chars = 0;
    for (const u of this.uploads.values()) chars += u.chars;
    for (const r of this.results.values()) chars += r.text.length;
    return chars;
  }

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
    if (upload.chars + text.length > this.limits.maxParcel) {
      this.uploads.delete(id);
      throw new StoreError('invalid', 'This file is too big.');
    }
    if (this.held() + text.length > this.limits.maxTotal) {
      this.uploads.delete(id);
      throw tooMuch();
    }
    upload.pieces.push(text);
    upload.count++;
    upload.chars += text.length;
    return { pieces: upload.count, chars: upload.chars };
  }

  /**
   * The whole text of an upload (kept until it is dropped or pushed out by newer ones), refused
   * (and dropped) past `max` characters: the cap of the kind of file the request reads it as.
   */
  text(id: string, max: number): string {
    const upload = this.uploads.get(id);
    if (!upload) throw gone('This upload is gone');
    if (upload.chars > max) {
      this.uploads.delete(id);
      throw new StoreError(
        'invalid',
        `This file is too big (at most ${Math.floor(max / (1024 * 1024))} MB).`,
      );
    }
    if (upload.pieces.length > 1) upload.pieces = [upload.pieces.join('')];
    return upload.pieces[0] ?? '';
  }

  drop(id: string): void {
    this.uploads.delete(id);
  }

  /** Keeps a result for the page to fetch piece by piece; returns its id. Refused past the total. */
  keep(text: string): { id: string; chars: number } {
    if (this.held() + text.length > this.limits.maxTotal) throw tooMuch();
    const id = this.newId();
    bounded(this.results).set(id, { text, touched: this.now() });
    return { id, chars: text.length };
  }

  /** The piece of result `id` from `offset`; the last piece forgets the result. */
  piece(id: string, offset: number): { text: string; next?: number } {
    this.dropIdle();
    const result = this.results.get(id);
    if (result === undefined) throw gone('This file is gone');
    result.touched = this.now();
    const { text } = result;
    const end = Math.min(text.length, offset + PIECE_CHARS);
    if (end >= text.length) this.results.delete(id);
    return { text: text.slice(offset, end), ...(end < text.length ? { next: end } : {}) };
  }

  private dropIdle() {
    const before = this.now() - this.limits.resultIdleMs;
    for (const [id, r] of this.results) if (r.touched < before) this.results.delete(id);
  }
}

/** Drops the oldest entries so that one more fits. */
function bounded<V>(map: Map<string, V>): Map<string, V> {
  for (const key of [...map.keys()].slice(0, Math.max(0, map.size - MAX_PARCELS + 1))) map.delete(key);
  return map;
}
