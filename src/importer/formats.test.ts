import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  encodeGbk,
  fixtureLines,
  makeDocx,
  makeSavedPage,
  TITLE,
} from '../../tests/support/bureau-files';
import { readDoc } from './doc';
import { readSavedPage } from './html';
import { readPdf, tidyLine } from './pdf';
import { readSourceFile, SourceError } from './source';
import { decodeText, EncodingError } from './text';

/**
 * Each reader against the files bureaus make (tests/support/bureau-files.ts;
 * the PDF and Word 97 files are LibreOffice's, committed under
 * tests/fixtures/formats/): what it reads must be the text as typed, line for
 * line, and what it cannot read is said in one line.
 */
const FORMATS = resolve(import.meta.dirname, '../../tests/fixtures/formats');
const fixture = (name: string) => new Uint8Array(readFileSync(join(FORMATS, name)));
/** The lines as Word shows them, without the automatic numbers a .doc's text lacks. */
const withoutPartNumbers = (lines: string[]) =>
  lines.map((line) => line.replace(/^[一二三四五六七八]、(?=项目|立项|资金)/u, ''));

describe('PDF (pdf.js)', { timeout: 60_000 }, () => {
  it('reads the text as typed: wrapped lines joined, the wrapped title one line, no header, no page numbers, no space between Chinese and digits', async () => {
    const paragraphs = await readPdf(fixture('bureau.pdf'));
    expect(paragraphs.map((p) => p.text)).toEqual(fixtureLines());
  });

  it('says where each paragraph starts: its page, and its line on the page', async () => {
    const paragraphs = await readPdf(fixture('bureau.pdf'));
    expect(paragraphs[0]).toEqual({ text: TITLE, at: 'page 1, line 1' });
    const funding = paragraphs.filter((p) => p.text === '六、资金安排情况');
    expect(funding.map((p) => p.at)).toEqual(['page 2, line 1', 'page 2, line 29']);
    // A paragraph that starts on one page and runs on is found where it starts.
    expect(paragraphs.find((p) => p.text.startsWith('本年度预算安排为460万元'))?.at).toBe(
      'page 3, line 1',
    );
  });

  it('refuses a scanned page, naming it', async () => {
    await expect(readPdf(fixture('scanned.pdf'))).rejects.toThrow(
      'page 1 has no text: it is a scanned image; ask for the Word or text file',
    );
  });

  it('removes only the spaces a layout puts between Chinese and Latin or digits', () => {
    expect(tidyLine('本年度预算安排为 1523.68 万元。')).toBe('本年度预算安排为1523.68万元。');
    expect(tidyLine('一、  项目名称')).toBe('一、项目名称');
    expect(tidyLine('涉密 不宜公开')).toBe('涉密 不宜公开');
    expect(tidyLine('LED  display  screens')).toBe('LED display screens');
  });
});

describe('Word 97–2003 and WPS (word-extractor)', () => {
  it('reads a .doc paragraph by paragraph, its punctuation as typed (— stays —)', async () => {
    const lines = (await readDoc(fixture('bureau.doc'), 'doc')).filter(Boolean);
    expect(lines).toEqual(withoutPartNumbers(fixtureLines()));
    expect(lines.join('\n')).toContain('（2020—2035年）');
  });

  it('reads a .wps saved in Word’s format, and says how to convert one that is not', async () => {
    const doc = await readSourceFile(fixture('bureau.doc'), 'text.wps');
    expect(doc.format).toBe('wps');
    await expect(
      readSourceFile(new TextEncoder().encode('WPS'.repeat(400)), 'text.wps'),
    ).rejects.toThrow(
      "is a WPS file that is not in Word's format; open it in WPS and save it as .docx",
    );
  });
});

describe('.docx (automatic numbering)', () => {
  it('reads the numbers Word shows from the numbering definitions', async () => {
    const doc = await readSourceFile(await makeDocx({ automaticNumbering: true }), 'text.docx');
    expect(doc.lines.map((l) => l.text).filter(Boolean)).toEqual(fixtureLines());
    expect(doc.lines.find((l) => l.text === '二、立项依据')?.at).toBe(
      'paragraph 5 (“二、立项依据”)',
    );
  });
});

describe('plain text in the encodings editors save', () => {
  const text = `${fixtureLines().join('\r\n')}\r\n`;
  it.each([
    ['UTF-8', new TextEncoder().encode(text), 'utf-8', false],
    [
      'UTF-8 with a BOM',
      new Uint8Array([0xef, 0xbb, 0xbf, ...new TextEncoder().encode(text)]),
      'utf-8',
      true,
    ],
    [
      'UTF-16 little-endian with a BOM (Notepad’s “Unicode”)',
      new Uint8Array([
        0xff,
        0xfe,
        ...new Uint8Array(Uint16Array.from(text, (c) => c.charCodeAt(0)).buffer),
      ]),
      'utf-16le',
      true,
    ],
    ['GBK (Notepad’s “ANSI” on Chinese Windows)', encodeGbk(text), 'gb18030', false],
  ])('%s', (_, bytes, encoding, bom) => {
    expect(decodeText(bytes)).toEqual({ text, encoding, bom });
  });

  it('names the line of a byte no encoding reads', () => {
    const bytes = new Uint8Array([
      ...new TextEncoder().encode('第一行\n第二行\n'),
      0xff,
      0xff,
      0x0a,
    ]);
    expect(() => decodeText(bytes)).toThrow(EncodingError);
    expect(() => decodeText(bytes)).toThrow(
      /^line 3: is neither UTF-8, UTF-16 nor GBK\/GB18030 text/,
    );
  });
});

describe('a saved government web page', () => {
  it('finds the article, decoded from its GB2312, and leaves the website’s own lines out', async () => {
    const page = await readSavedPage(makeSavedPage({ publishedOn: '2021-03-16 09:30:00' }));
    expect(page.paragraphs).toEqual(fixtureLines());
    expect(page.encoding).toBe('gbk');
    for (const chrome of [
      '当前位置',
      '浏览次数',
      '分享到',
      '打印本页',
      '相关文章',
      '网站标识码',
      'ICP备',
    ])
      expect(page.paragraphs.join('\n')).not.toContain(chrome);
  });

  it('records the page’s own date, from 发布时间 or its PubDate, and never invents one', async () => {
    const dateOf = async (page: Uint8Array) => (await readSavedPage(page)).publishedOn;
    expect(await dateOf(makeSavedPage({ publishedOn: '2021-03-16 09:30:00' }))).toBe('2021-03-16');
    expect(await dateOf(makeSavedPage({ pubDateMeta: '2021/03/17 10:00' }))).toBe('2021-03-17');
    expect(await dateOf(makeSavedPage())).toBeNull();
  });

  it('is told by its content, whatever its name', async () => {
    const doc = await readSourceFile(makeSavedPage(), 'download');
    expect(doc.format).toBe('html');
  });
});

describe('files the importer does not read', () => {
  it('says what it does read, in one line', async () => {
    await expect(readSourceFile(new Uint8Array([1, 2, 3]), 'budget.xlsx')).rejects.toThrow(
      SourceError,
    );
    await expect(readSourceFile(new Uint8Array([1, 2, 3]), 'budget.xlsx')).rejects.toThrow(
      /^is not a file the importer reads: give a PDF, a Word file \(\.docx, \.doc\), a WPS file, a text file \(\.txt\) or a saved web page \(\.html\)$/,
    );
  });
});
