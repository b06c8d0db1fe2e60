import { XMLParser } from 'fast-xml-parser';
import { writeTableRows } from './table';
import JSZip from 'jszip';
import { firstLineOf } from '../domain/errors';
import { LIMITS } from '../domain/limits';

/**
 * The paragraphs of a Word .docx file, each with the number Word shows
 * before it. Word's automatic numbering (一、项目名称 typed as a numbered
 * list) is not in the paragraph's text but in the numbering definitions
 * (word/numbering.xml); mammoth's plain text, which the importer used
 * before, drops it, and the template's part headings with it. So the
 * document and its numbering are read here, with fast-xml-parser.
 *
 * A .docx is a zip of XML parts, and a hostile one can expand to gigabytes
 * or declare XML entities: the file, each part as it is inflated, and the
 * sum are capped (IMPORT_LIMITS), and a part that declares a DOCTYPE is
 * refused before it is parsed (Word never writes one). Every refusal is a
 * DocxError with a one-line message.
 */
export class DocxError extends Error {
  override name = 'DocxError';
}

export interface DocxParagraph {
  /** The paragraph as Word shows it: its automatic number, if any, then its text. */
  text: string;
  /** The automatic number alone (`一、`), or null. */
  number: string | null;
}

type XmlNode = Record<string, unknown> & { ':@'?: Record<string, string> };

const MB = 1024 * 1024;

/** The text of one part of the archive, inflated up to the limits; null if the part is absent. */
async function readPart(
  zip: JSZip,
  name: string,
  budget: { left: number },
): Promise<string | null> {
  const file = zip.file(name);
  if (!file) return null;
  const chunks: Buffer[] = [];
  let size = 0;
  await new Promise<void>((resolve, reject) => {
    const stream = file.nodeStream('nodebuffer');
    stream.on('data', (chunk: Buffer) => {
      size += chunk.length;
      budget.left -= chunk.length;
      if (size > LIMITS.docxPartBytes || budget.left < 0) {
        (stream as unknown as { destroy?: () => void }).destroy?.();
        reject(
          new DocxError(
            `expands to more than ${Math.min(LIMITS.docxPartBytes, LIMITS.docxTotalBytes) / MB} MB of text: it is not a disclosure (a zip bomb?)`,
          ),
        );
        return;
      }
      chunks.push(chunk);
    });
    stream.on('end', () => resolve());
    stream.on('error', (error: Error) =>
      reject(new DocxError(`is damaged: ${name} cannot be read (${firstLineOf(error)})`)),
    );
  });
  const text = Buffer.concat(chunks).toString('utf8');
  // Entities are how XML expands a few bytes into gigabytes or reads other files (XXE).
  if (/<!DOCTYPE|<!ENTITY/i.test(text))
    throw new DocxError(
      `declares XML entities in ${name} (<!DOCTYPE>), which a Word file never does; refused`,
    );
  return text;
}

const parser = new XMLParser({
  preserveOrder: true,
  ignoreAttributes: false,
  attributeNamePrefix: '',
  trimValues: false,
  parseTagValue: false,
  parseAttributeValue: false,
  // The five predefined entities and character references only: no DOCTYPE reaches the parser.
  processEntities: true,
});

const nameOf = (node: XmlNode): string => Object.keys(node).find((k) => k !== ':@')!;
const childrenOf = (node: XmlNode): XmlNode[] =>
  (node[nameOf(node)] as XmlNode[] | undefined) ?? [];
const attr = (node: XmlNode | undefined, name: string) => node?.[':@']?.[name];
const child = (node: XmlNode, name: string) => childrenOf(node).find((c) => nameOf(c) === name);
const valOf = (node: XmlNode, name: string) => attr(child(node, name), 'w:val');

/**
 * Every element of a tree in document order, but those named in `skip` and what is in them;
 * elements named in `leaves` are given, and what is in them is not.
 */
function* walk(
  nodes: XmlNode[],
  skip: ReadonlySet<string> = new Set(),
  leaves: ReadonlySet<string> = new Set(),
): Generator<XmlNode> {
  for (const node of nodes) {
    const name = nameOf(node);
    if (name === '#text' || skip.has(name)) continue;
    yield node;
    if (!leaves.has(name)) yield* walk(childrenOf(node), skip, leaves);
  }
}

interface Level {
  start: number;
  format: string;
  text: string;
  suffix: string;
  legal: boolean;
}

const CHINESE_DIGITS = '零一二三四五六七八九';
const digit = (n: number) => CHINESE_DIGITS[n]!;

/** 1 → 一, 10 → 十, 12 → 十二, 20 → 二十, 105 → 一百零五: Word's chineseCounting. */
function chineseCounting(n: number): string {
  if (n < 10) return digit(n);
  if (n < 20) return `十${n % 10 ? digit(n % 10) : ''}`;
  if (n < 100) return `${digit(Math.floor(n / 10))}十${n % 10 ? digit(n % 10) : ''}`;
  const rest = n % 100;
  return `${digit(Math.floor(n / 100))}百${rest === 0 ? '' : rest < 10 ? `零${digit(rest)}` : chineseCounting(rest).replace(/^十/, '一十')}`;
}

function roman(n: number): string {
  const table: [number, string][] = [
    [1000, 'M'],
    [900, 'CM'],
    [500, 'D'],
    [400, 'CD'],
    [100, 'C'],
    [90, 'XC'],
    [50, 'L'],
    [40, 'XL'],
    [10, 'X'],
    [9, 'IX'],
    [5, 'V'],
    [4, 'IV'],
    [1, 'I'],
  ];
  let out = '';
  for (const [value, numeral] of table) {
    while (n >= value) {
      out += numeral;
      n -= value;
    }
  }
  return out;
}

/** A counter in one of Word's number formats. */
function formatNumber(n: number, format: string): string {
  switch (format) {
    case 'decimalFullWidth':
    case 'decimalFullWidth2':
      return String(n).replace(/\d/g, (d) => String.fromCharCode(0xff10 + Number(d)));
    case 'decimalZero':
      return String(n).padStart(2, '0');
    case 'chineseCounting':
    case 'chineseCountingThousand':
    case 'japaneseCounting':
    case 'taiwaneseCounting':
    case 'taiwaneseCountingThousand':
      return chineseCounting(n);
    case 'chineseLegalSimplified':
      return chineseCounting(n).replace(
        /[一二三四五六七八九十百]/g,
        (c) => '壹贰叁肆伍陆柒捌玖拾佰'['一二三四五六七八九十百'.indexOf(c)]!,
      );
    case 'ideographTraditional':
      return '甲乙丙丁戊己庚辛壬癸'[(n - 1) % 10]!;
    case 'ideographZodiac':
      return '子丑寅卯辰巳午未申酉戌亥'[(n - 1) % 12]!;
    case 'decimalEnclosedCircle':
    case 'decimalEnclosedCircleChinese':
      return n >= 1 && n <= 20 ? String.fromCharCode(0x245f + n) : String(n);
    case 'upperLetter':
      return String.fromCharCode(64 + (((n - 1) % 26) + 1)).repeat(Math.floor((n - 1) / 26) + 1);
    case 'lowerLetter':
      return String.fromCharCode(96 + (((n - 1) % 26) + 1)).repeat(Math.floor((n - 1) / 26) + 1);
    case 'upperRoman':
      return roman(n);
    case 'lowerRoman':
      return roman(n).toLowerCase();
    case 'none':
      return '';
    default:
      return String(n);
  }
}

/** Word's numbering definitions: each list instance (numId) and its levels, and the counters as the document goes. */
class Numbering {
  readonly #abstract = new Map<string, Map<number, Level>>();
  readonly #instances = new Map<string, { abstract: string; starts: Map<number, number> }>();
  readonly #counters = new Map<string, number[]>();
  readonly #started = new Set<string>();

  constructor(root: XmlNode[]) {
    for (const node of walk(root)) {
      const name = nameOf(node);
      if (name === 'w:abstractNum') {
        const levels = new Map<number, Level>();
        for (const lvl of childrenOf(node).filter((c) => nameOf(c) === 'w:lvl')) {
          levels.set(Number(attr(lvl, 'w:ilvl') ?? 0), {
            start: Number(valOf(lvl, 'w:start') ?? 1),
            format: valOf(lvl, 'w:numFmt') ?? 'decimal',
            text: valOf(lvl, 'w:lvlText') ?? '',
            suffix: valOf(lvl, 'w:suff') ?? 'tab',
            legal: child(lvl, 'w:isLgl') !== undefined,
          });
        }
        this.#abstract.set(attr(node, 'w:abstractNumId') ?? '', levels);
      } else if (name === 'w:num') {
        const starts = new Map<number, number>();
        for (const override of childrenOf(node).filter((c) => nameOf(c) === 'w:lvlOverride')) {
          const start = valOf(override, 'w:startOverride');
          if (start !== undefined) starts.set(Number(attr(override, 'w:ilvl') ?? 0), Number(start));
        }
        this.#instances.set(attr(node, 'w:numId') ?? '', {
          abstract: valOf(node, 'w:abstractNumId') ?? '',
          starts,
        });
      }
    }
  }

  /** The number Word shows for the next paragraph of list `numId` at `level`, or null. */
  next(numId: string, level: number): string | null {
    const instance = this.#instances.get(numId);
    const levels = instance && this.#abstract.get(instance.abstract);
    const definition = levels?.get(level);
    if (!instance || !levels || !definition) return null;
    // Instances of one abstract list share its counters; a start override restarts them once.
    let counters = this.#counters.get(instance.abstract);
    if (!counters || (!this.#started.has(numId) && instance.starts.size > 0)) {
      counters = [];
      this.#counters.set(instance.abstract, counters);
    }
    this.#started.add(numId);
    const startOf = (l: number) => instance.starts.get(l) ?? levels.get(l)?.start ?? 1;
    counters[level] = counters[level] === undefined ? startOf(level) : counters[level] + 1;
    // Deeper levels start again after a shallower one moves on.
    counters.length = level + 1;
    if (definition.format === 'bullet') return definition.text;
    const text = definition.text.replace(/%(\d)/g, (_, n: string) => {
      const l = Number(n) - 1;
      const format =
        definition.legal && l < level ? 'decimal' : (levels.get(l)?.format ?? 'decimal');
      return formatNumber(counters[l] ?? startOf(l), format);
    });
    // The tab or space after the number is layout; after Chinese punctuation (一、) no one reads it as a space.
    if (definition.suffix === 'nothing' || /[\u3000-\u303f\uff00-\uffef]$/u.test(text)) return text;
    return `${text} `;
  }
}

/** The paragraph style's numbering (Heading styles bound to a list), following basedOn. */
function readStyleNumbering(root: XmlNode[]): Map<string, { numId: string; level: number }> {
  const styles = new Map<string, { numId?: string; level?: number; basedOn?: string }>();
  for (const node of walk(root)) {
    if (nameOf(node) !== 'w:style') continue;
    const pPr = child(node, 'w:pPr');
    const numPr = pPr && child(pPr, 'w:numPr');
    styles.set(attr(node, 'w:styleId') ?? '', {
      ...(numPr && valOf(numPr, 'w:numId') !== undefined
        ? { numId: valOf(numPr, 'w:numId')! }
        : {}),
      ...(numPr && valOf(numPr, 'w:ilvl') !== undefined
        ? { level: Number(valOf(numPr, 'w:ilvl')) }
        : {}),
      ...(valOf(node, 'w:basedOn') ? { basedOn: valOf(node, 'w:basedOn')! } : {}),
    });
  }
  const resolved = new Map<string, { numId: string; level: number }>();
  for (const id of styles.keys()) {
    let style = styles.get(id);
    for (let depth = 0; style && style.numId === undefined && style.basedOn && depth < 10; depth++)
      style = styles.get(style.basedOn);
    if (style?.numId !== undefined)
      resolved.set(id, { numId: style.numId, level: style.level ?? 0 });
  }
  return resolved;
}

/** The text of a paragraph: its runs, tabs and breaks, without deleted text or field codes. */
function paragraphText(paragraph: XmlNode): string {
  let text = '';
  for (const node of walk(
    childrenOf(paragraph),
    new Set(['w:del', 'w:pPr', 'w:rPr', 'w:instrText', 'w:delText']),
  )) {
    const name = nameOf(node);
    if (name === 'w:t')
      text += childrenOf(node)
        .map((t) => (typeof t['#text'] === 'string' ? t['#text'] : ''))
        .join('');
    else if (name === 'w:tab') text += '\t';
    else if (name === 'w:br' || name === 'w:cr') text += '\n';
  }
  return text;
}

/** Every paragraph of a .docx, in order (those in tables too), with its automatic number. */
export async function readDocx(bytes: Uint8Array): Promise<DocxParagraph[]> {
  if (bytes.byteLength > LIMITS.inputBytes)
    throw new DocxError(
      `is ${Math.round(bytes.byteLength / MB)} MB; a disclosure's Word file is well under ${LIMITS.inputBytes / MB} MB`,
    );
  let zip: JSZip;
  try {
    zip = await JSZip.loadAsync(bytes, { checkCRC32: false });
  } catch {
    throw new DocxError(
      'is not a Word .docx file (it is not a zip archive); save it again as .docx, or give the text',
    );
  }
  const budget = { left: LIMITS.docxTotalBytes };
  const document = await readPart(zip, 'word/document.xml', budget);
  if (document === null)
    throw new DocxError('is a zip archive but not a Word document (it has no word/document.xml)');
  const numberingXml = await readPart(zip, 'word/numbering.xml', budget);
  const stylesXml = await readPart(zip, 'word/styles.xml', budget);
  const parse = (xml: string, name: string): XmlNode[] => {
    try {
      return parser.parse(xml) as XmlNode[];
    } catch (error) {
      throw new DocxError(`is damaged: ${name} is not well-formed XML (${firstLineOf(error)})`);
    }
  };
  const numbering = new Numbering(numberingXml ? parse(numberingXml, 'word/numbering.xml') : []);
  const styleNumbering = readStyleNumbering(stylesXml ? parse(stylesXml, 'word/styles.xml') : []);
  const paragraphs: DocxParagraph[] = [];
  // A paragraph is read whole: a text box inside one (w:txbxContent) is part of its text. A
  // table is read whole too, a row a line (src/importer/table.ts), every cell verbatim.
  for (const node of walk(
    parse(document, 'word/document.xml'),
    new Set(['w:del']),
    new Set(['w:p', 'w:tbl']),
  )) {
    if (nameOf(node) === 'w:tbl') {
      const rows = childrenOf(node)
        .filter((row) => nameOf(row) === 'w:tr')
        .map((row) =>
          childrenOf(row)
            .filter((cell) => nameOf(cell) === 'w:tc')
            .map((cell) =>
              [...walk(childrenOf(cell), new Set(['w:del']), new Set(['w:p']))]
                .filter((p) => nameOf(p) === 'w:p')
                .map(paragraphText)
                .join(''),
            ),
        );
      for (const line of writeTableRows(rows)) paragraphs.push({ text: line, number: null });
      continue;
    }
    if (nameOf(node) !== 'w:p') continue;
    const pPr = child(node, 'w:pPr');
    const numPr = pPr && child(pPr, 'w:numPr');
    const style = pPr && valOf(pPr, 'w:pStyle');
    const fromStyle = style === undefined ? undefined : styleNumbering.get(style);
    const numId = (numPr && valOf(numPr, 'w:numId')) ?? fromStyle?.numId;
    const level = Number((numPr && valOf(numPr, 'w:ilvl')) ?? fromStyle?.level ?? 0);
    // numId 0 switches numbering off for a paragraph whose style would number it.
    const number = numId !== undefined && numId !== '0' ? numbering.next(numId, level) : null;
    const text = paragraphText(node);
    paragraphs.push({ text: `${number ?? ''}${text}`, number });
  }
  return paragraphs;
}
