/**
 * A plain text file as Windows, a Mac or a Linux editor saves it, decoded:
 * UTF-8 with or without a byte order mark, UTF-16 with one (Notepad's
 * "Unicode"), or GB18030 (Notepad's "ANSI" on Chinese Windows saves GBK,
 * which GB18030 contains). Node's TextDecoder does the decoding; what is
 * decided here is only which one, from the bytes.
 */
type TextEncoding = 'utf-8' | 'utf-16le' | 'utf-16be' | 'gb18030';

export interface DecodedText {
  text: string;
  encoding: TextEncoding;
  /** Whether the file opened with a byte order mark. */
  bom: boolean;
}

/** A byte sequence that no supported encoding reads, with the line it is on. */
export class EncodingError extends Error {
  override name = 'EncodingError';
}

const decode = (encoding: TextEncoding, bytes: Uint8Array) =>
  new TextDecoder(encoding, { fatal: true, ignoreBOM: true }).decode(bytes);

/** The line (from 1) that byte `offset` is on, counting LF and lone CR in ASCII-compatible bytes. */
function lineOfByte(bytes: Uint8Array, offset: number): number {
  let line = 1;
  for (let i = 0; i < offset && i < bytes.length; i += 1) {
    if (bytes[i] === 0x0a || (bytes[i] === 0x0d && bytes[i + 1] !== 0x0a)) line += 1;
  }
  return line;
}

/** The first line `encoding` cannot read, decoding line by line. */
function firstUnreadableLine(bytes: Uint8Array, encoding: TextEncoding): number {
  let start = 0;
  for (let i = 0; i <= bytes.length; i += 1) {
    if (i === bytes.length || bytes[i] === 0x0a) {
      try {
        decode(encoding, bytes.subarray(start, i));
      } catch {
        return lineOfByte(bytes, start);
      }
      start = i + 1;
    }
  }
  return lineOfByte(bytes, bytes.length);
}

export function decodeText(bytes: Uint8Array): DecodedText {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf)
    return { text: decodeOrExplain('utf-8', bytes.subarray(3)), encoding: 'utf-8', bom: true };
  if (bytes[0] === 0xff && bytes[1] === 0xfe)
    return {
      text: decodeOrExplain('utf-16le', bytes.subarray(2)),
      encoding: 'utf-16le',
      bom: true,
    };
  if (bytes[0] === 0xfe && bytes[1] === 0xff)
    return {
      text: decodeOrExplain('utf-16be', bytes.subarray(2)),
      encoding: 'utf-16be',
      bom: true,
    };
  try {
    return { text: decode('utf-8', bytes), encoding: 'utf-8', bom: false };
  } catch {
    // Not UTF-8: on Chinese Windows, "ANSI" is GBK.
  }
  try {
    return { text: decode('gb18030', bytes), encoding: 'gb18030', bom: false };
  } catch {
    // The encoding that reads further is the one the file was meant to be in: name where it stops.
    const line = Math.max(
      firstUnreadableLine(bytes, 'utf-8'),
      firstUnreadableLine(bytes, 'gb18030'),
    );
    throw new EncodingError(
      `line ${line}: is neither UTF-8, UTF-16 nor GBK/GB18030 text; save it as UTF-8`,
    );
  }
}

function decodeOrExplain(encoding: TextEncoding, bytes: Uint8Array): string {
  try {
    return decode(encoding, bytes);
  } catch {
    throw new EncodingError(
      `starts with the ${encoding.toUpperCase()} byte order mark but is not ${encoding.toUpperCase()} text throughout; save it as UTF-8`,
    );
  }
}
