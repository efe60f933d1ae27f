import type { KeptResult, Send } from '@/lib/messages';
import { PIECE_CHARS } from '@/lib/io/parcels';

/**
 * Big files between the options page and the background in bounded pieces, so the page never
 * holds a 4.5 MB string in one message (each message is cloned on the page's main thread) and
 * never decodes the whole file in one task.
 */

/** Bytes per piece read from a file: decoded, never more characters than a piece may carry. */
const PIECE_BYTES = PIECE_CHARS - 4;

/** Sends a picked file to the background piece by piece; resolves to the upload's id. */
export async function uploadFile(send: Send, file: Blob): Promise<string> {
  const id = crypto.randomUUID();
  const decoder = new TextDecoder();
  let index = 0;
  for (let at = 0; at < file.size || index === 0; at += PIECE_BYTES) {
    const bytes = await file.slice(at, at + PIECE_BYTES).arrayBuffer();
    const last = at + PIECE_BYTES >= file.size;
    const text = decoder.decode(bytes, { stream: !last });
    await send('data/upload', { id, index: index++, text });
  }
  return id;
}

/** The first lines of a file (whole lines only, unless the file is one line), for a preview. */
export async function readHead(file: Blob, bytes = 64 * 1024): Promise<string> {
  const text = new TextDecoder().decode(await file.slice(0, bytes).arrayBuffer(), { stream: true });
  if (file.size <= bytes) return text;
  const end = text.lastIndexOf('\n');
  return end > 0 ? text.slice(0, end) : text;
}

/** A kept result fetched piece by piece, as a Blob for the download. */
export async function fetchResult(send: Send, result: KeptResult, type: string): Promise<Blob> {
  const parts: string[] = [];
  let offset: number | undefined = 0;
  while (offset !== undefined) {
    const piece: { text: string; next?: number } = await send('data/result', { id: result.id, offset });
    parts.push(piece.text);
    offset = piece.next;
  }
  return new Blob(parts, { type });
}
