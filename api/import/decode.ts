/** The text encodings the importers accept. */
export type TextEncoding = 'utf-8' | 'windows-1252';

/**
 * Decodes an uploaded file: UTF-8 (a byte-order mark is dropped) when the bytes are
 * valid UTF-8, otherwise Windows-1252, which Excel on Swedish Windows still writes
 * for "CSV (semikolonavgränsad)".
 */
export function decodeBytes(bytes: Uint8Array): { text: string; encoding: TextEncoding } {
  try {
    const text = new TextDecoder('utf-8', { fatal: true, ignoreBOM: false }).decode(bytes);
    return { text, encoding: 'utf-8' };
  } catch {
    return { text: new TextDecoder('windows-1252').decode(bytes), encoding: 'windows-1252' };
  }
}

/** Drops a leading byte-order mark from text that was already decoded. */
export const stripBom = (text: string): string => (text.charCodeAt(0) === 0xfeff ? text.slice(1) : text);
