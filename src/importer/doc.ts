/**
 * The paragraphs of a Word 97–2003 file (.doc), or of a WPS file that is in
 * Word's format (WPS saves .wps files so), read with word-extractor. Its
 * punctuation filter, which turns — into - and “” into "", is turned off: the
 * text is published as the bureau wrote it. Running headers and footers are
 * not in the body word-extractor returns.
 */
export class DocError extends Error {
  override name = 'DocError';
}

/** word-extractor's getBody takes options its type declarations leave out. */
interface Body {
  getBody(options?: { filterUnicode?: boolean }): string;
}

export async function readDoc(bytes: Uint8Array, kind: 'doc' | 'wps'): Promise<string[]> {
  // Loaded when a .doc or .wps is read, not by every import.
  const { default: WordExtractor } = await import('word-extractor');
  let document: Body;
  try {
    document = await new WordExtractor().extract(Buffer.from(bytes));
  } catch {
    // What word-extractor says of a file it cannot read is about its internals, not the officer's.
    throw new DocError(
      kind === 'wps'
        ? "is a WPS file that is not in Word's format; open it in WPS and save it as .docx (文件 → 另存为 → Word 文件 *.docx)"
        : 'is not a Word 97–2003 document that can be read; open it in Word and save it as .docx',
    );
  }
  return document
    .getBody({ filterUnicode: false })
    .split('\n')
    .map((line) => line.replace(/\s+$/u, ''));
}
