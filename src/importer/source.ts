import { LIMITS } from '../domain/limits';
import { DocError, readDoc } from './doc';
import { DocxError, readDocx } from './docx';
import { HtmlError, readSavedPage } from './html';
import { PdfError, readPdf } from './pdf';
import { decodeText, EncodingError } from './text';

/**
 * A file as a bureau publishes it, read into the lines of text the site will
 * publish, each with where an officer finds it in the original: a text's
 * line, a Word paragraph's number and first words, a PDF's page and line. The
 * kind of file is told by its content, and by its name only where the content
 * cannot tell (a plain text).
 */
export type SourceFormat = 'txt' | 'docx' | 'doc' | 'wps' | 'pdf' | 'html';

interface SourceLine {
  text: string;
  /** Where the line is in the original, for messages: `line 12`, `paragraph 7 (“（一）、项目可行性…”)`, `page 2, line 5`. */
  at: string;
}

export interface SourceDocument {
  format: SourceFormat;
  /** A text file's or a web page's encoding, as the WHATWG names it (utf-8, gb18030, gbk…). */
  encoding?: string | undefined;
  lines: SourceLine[];
  /** A saved web page's own date (YYYY-MM-DD), where it gives one. */
  publishedOn?: string | undefined;
  /** The address a saved web page was saved from, where the browser recorded it. */
  url?: string | undefined;
  /** Where the reading left something of the file out, and what: for the officer to see. */
  leftOut: string[];
}

/** A file the importer cannot read, said in one line. */
export class SourceError extends Error {
  override name = 'SourceError';
}

const startsWith = (bytes: Uint8Array, signature: number[]) =>
  signature.every((byte, i) => bytes[i] === byte);

/** What a file is, by its first bytes (a .docx is a zip, a .doc an OLE file), else by its name. */
function formatOf(bytes: Uint8Array, name: string): SourceFormat | 'unknown' {
  const extension = /\.([a-z0-9]+)$/i.exec(name)?.[1]?.toLowerCase() ?? '';
  if (startsWith(bytes, [0x25, 0x50, 0x44, 0x46, 0x2d])) return 'pdf';
  if (startsWith(bytes, [0x50, 0x4b, 0x03, 0x04])) return 'docx';
  if (startsWith(bytes, [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]))
    return extension === 'wps' ? 'wps' : 'doc';
  if (extension === 'wps') return 'wps';
  const head = new TextDecoder('latin1').decode(bytes.subarray(0, 1024)).trimStart().toLowerCase();
  if (/^(?:<!doctype html|<html|<!--\s*saved from url)/.test(head) || /^html?$/.test(extension))
    return 'html';
  if (extension === 'docx') return 'docx';
  if (extension === 'pdf') return 'pdf';
  if (extension === 'doc') return 'doc';
  if (extension === 'txt' || extension === '') return 'txt';
  return 'unknown';
}

/** `paragraph 7 (“（一）、项目可行性…”)`: a paragraph as an officer would look for it. */
function paragraphAt(index: number, text: string): string {
  const words = text.trim().slice(0, 16);
  return `paragraph ${index + 1}${words ? ` (“${words}${text.trim().length > 16 ? '…' : ''}”)` : ''}`;
}

const byParagraph = (paragraphs: string[]) =>
  paragraphs.flatMap((paragraph, i) =>
    paragraph.split('\n').map((text) => ({ text, at: paragraphAt(i, paragraph) })),
  );

async function read(bytes: Uint8Array, format: SourceFormat): Promise<SourceDocument> {
  switch (format) {
    case 'txt': {
      const { text, encoding } = decodeText(bytes);
      const lines = text.split(/\r\n?|\n/).map((line, i) => ({ text: line, at: `line ${i + 1}` }));
      return { format, encoding, lines, leftOut: [] };
    }
    case 'docx': {
      const paragraphs = await readDocx(bytes);
      return { format, lines: byParagraph(paragraphs.map((p) => p.text)), leftOut: [] };
    }
    case 'doc':
    case 'wps':
      return { format, lines: byParagraph(await readDoc(bytes, format)), leftOut: [] };
    case 'pdf':
      return { format, lines: await readPdf(bytes), leftOut: [] };
    case 'html': {
      const page = await readSavedPage(bytes);
      return {
        format,
        encoding: page.encoding,
        lines: byParagraph(page.paragraphs),
        publishedOn: page.publishedOn ?? undefined,
        url: page.url ?? undefined,
        leftOut: page.leftOut.map((line) => `“${line}” is the website's own; left out`),
      };
    }
  }
}

/** Reads a file as a bureau publishes it. */
export async function readSourceFile(bytes: Uint8Array, name: string): Promise<SourceDocument> {
  if (bytes.byteLength > LIMITS.inputBytes)
    throw new SourceError(
      `is ${Math.round(bytes.byteLength / 1024 / 1024)} MB; a year's disclosure is far smaller`,
    );
  const format = formatOf(bytes, name);
  if (format === 'unknown')
    throw new SourceError(
      'is not a file the importer reads: give a PDF, a Word file (.docx, .doc), a WPS file, a text file (.txt) or a saved web page (.html)',
    );
  try {
    return await read(bytes, format);
  } catch (error) {
    if (
      error instanceof DocxError ||
      error instanceof DocError ||
      error instanceof PdfError ||
      error instanceof HtmlError ||
      error instanceof EncodingError
    )
      throw new SourceError(error.message);
    throw error;
  }
}
