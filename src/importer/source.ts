import { LIMITS } from '../domain/limits';
import { DocxError, readDocx } from './docx';

/**
 * A file as a bureau publishes it, read into the lines of text the site will
 * publish, each with where an officer finds it in the original: a text's
 * line, a Word paragraph's number and first words. The kind of file is told
 * by its content, not only its name.
 */
type SourceFormat = 'txt' | 'docx';

interface SourceLine {
  text: string;
  /** Where the line is in the original, for messages: `line 12`, `paragraph 7 (“（一）、项目可行性…”)`. */
  at: string;
}

export interface SourceDocument {
  format: SourceFormat;
  lines: SourceLine[];
}

/** A file the importer cannot read, said in one line. */
export class SourceError extends Error {
  override name = 'SourceError';
}

const startsWith = (bytes: Uint8Array, signature: number[]) =>
  signature.every((byte, i) => bytes[i] === byte);

/** What a file is, by its first bytes (a .docx is a zip), else by its name. */
function formatOf(bytes: Uint8Array, name: string): SourceFormat | 'unknown' {
  if (startsWith(bytes, [0x50, 0x4b, 0x03, 0x04])) return 'docx';
  if (/\.docx$/i.test(name)) return 'docx';
  if (/\.txt$/i.test(name)) return 'txt';
  return 'unknown';
}

/** `paragraph 7 (“（一）、项目可行性…”)`: a Word paragraph as an officer would look for it. */
function paragraphAt(index: number, text: string): string {
  const words = text.trim().slice(0, 16);
  return `paragraph ${index + 1}${words ? ` (“${words}${text.trim().length > 16 ? '…' : ''}”)` : ''}`;
}

/** A UTF-8 text: BOM and CRLF accepted; a byte that is not UTF-8 is named by its line. */
function readText(bytes: Uint8Array): SourceDocument {
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    const lenient = new TextDecoder('utf-8').decode(bytes);
    const line = lenient.slice(0, Math.max(lenient.indexOf('\uFFFD'), 0)).split(/\r\n?|\n/).length;
    throw new SourceError(`line ${line}: is not UTF-8 text; save it as UTF-8`);
  }
  const lines = text
    .replace(/^\uFEFF/, '')
    .split(/\r\n?|\n/)
    .map((line, i) => ({ text: line, at: `line ${i + 1}` }));
  return { format: 'txt', lines };
}

/** Reads a file as a bureau publishes it. */
export async function readSourceFile(bytes: Uint8Array, name: string): Promise<SourceDocument> {
  if (bytes.byteLength > LIMITS.inputBytes)
    throw new SourceError(
      `is ${Math.round(bytes.byteLength / 1024 / 1024)} MB; a year's disclosure is far smaller`,
    );
  const format = formatOf(bytes, name);
  if (format === 'txt') return readText(bytes);
  if (format === 'docx') {
    try {
      const paragraphs = await readDocx(bytes);
      const lines = paragraphs.flatMap((paragraph, i) =>
        paragraph.text.split('\n').map((text) => ({ text, at: paragraphAt(i, paragraph.text) })),
      );
      return { format: 'docx', lines };
    } catch (error) {
      if (error instanceof DocxError) throw new SourceError(error.message);
      throw error;
    }
  }
  throw new SourceError('give a .txt or a .docx file');
}
