/**
 * A PDF with a Chinese text layer, made here as Word's "Save as PDF" lays a
 * text out: A4, the title larger and centred, headings flush left, each
 * paragraph's first line indented two characters and its long lines wrapped
 * at the margin, a page number in the footer of every page, and a table's
 * rows as cells spaced apart. The font is not embedded: a CID font with a
 * ToUnicode map, which is all a text layer needs (pdf.js reads the text by it).
 */
export interface PdfBlock {
  text: string;
  kind: 'title' | 'heading' | 'paragraph' | 'row';
}

const PAGE = { width: 595, height: 842, left: 72, right: 523, top: 770, bottom: 90 };
const SIZE = 16;
const LEADING = 28;

export function makeChinesePdf(blocks: readonly PdfBlock[]): Uint8Array {
  // Every character gets a CID of its own, in order of first use.
  const cids = new Map<string, number>();
  const cidOf = (char: string) => {
    if (!cids.has(char)) cids.set(char, cids.size + 1);
    return cids.get(char)!;
  };
  const hex = (text: string) =>
    Array.from(text, (c) => cidOf(c).toString(16).padStart(4, '0')).join('');

  /** A line of the page: its runs (a table row has one a cell) and its size. */
  interface Placed {
    runs: { text: string; x: number }[];
    size: number;
  }
  const lines: Placed[] = [];
  const perLine = Math.floor((PAGE.right - PAGE.left) / SIZE);
  for (const block of blocks) {
    if (block.kind === 'title') {
      // Larger, centred, wrapped where it is long.
      const size = 22;
      const chars = Array.from(block.text);
      const room = Math.floor((PAGE.right - PAGE.left) / size);
      for (let at = 0; at < chars.length; at += room) {
        const text = chars.slice(at, at + room).join('');
        const width = Array.from(text).length * size;
        lines.push({ runs: [{ text, x: (PAGE.width - width) / 2 }], size });
      }
    } else if (block.kind === 'row') {
      // A table row: its cells 10 characters apart, as a table's columns stand.
      const cells = block.text
        .slice(1, -1)
        .split('|')
        .map((c) => c.trim());
      lines.push({
        runs: cells.map((text, i) => ({ text, x: PAGE.left + i * SIZE * 10 })),
        size: SIZE,
      });
    } else {
      const indent = block.kind === 'paragraph' ? 2 : 0;
      const chars = Array.from(block.text);
      for (let at = 0, first = true; at < chars.length; first = false) {
        const room = perLine - (first ? indent : 0);
        lines.push({
          runs: [
            {
              text: chars.slice(at, at + room).join(''),
              x: PAGE.left + (first ? indent * SIZE : 0),
            },
          ],
          size: SIZE,
        });
        at += room;
      }
    }
  }
  const pages: string[][] = [[]];
  let y = PAGE.top;
  for (const line of lines) {
    if (y < PAGE.bottom) {
      pages.push([]);
      y = PAGE.top;
    }
    for (const run of line.runs)
      if (run.text !== '')
        pages
          .at(-1)!
          .push(`BT /F1 ${line.size} Tf ${run.x.toFixed(1)} ${y} Td <${hex(run.text)}> Tj ET`);
    y -= LEADING;
  }
  const objects: string[] = [];
  const add = (body: string) => objects.push(body);
  const toUnicode = [...cids]
    .map(([char, cid]) => {
      const code = char.codePointAt(0)!;
      const utf16 =
        code > 0xffff
          ? [0xd800 + ((code - 0x10000) >> 10), 0xdc00 + ((code - 0x10000) & 0x3ff)]
          : [code];
      return `<${cid.toString(16).padStart(4, '0')}> <${utf16.map((u) => u.toString(16).padStart(4, '0')).join('')}>`;
    })
    // bfchar blocks hold at most 100 entries each.
    .reduce<string[][]>((groups, entry, i) => {
      if (i % 100 === 0) groups.push([]);
      groups.at(-1)!.push(entry);
      return groups;
    }, [])
    .map((group) => `${group.length} beginbfchar\n${group.join('\n')}\nendbfchar`)
    .join('\n');
  const cmap = `/CIDInit /ProcSet findresource begin\n12 dict begin\nbegincmap\n/CIDSystemInfo << /Registry (Adobe) /Ordering (UCS) /Supplement 0 >> def\n/CMapName /Adobe-Identity-UCS def\n/CMapType 2 def\n1 begincodespacerange\n<0000> <FFFF>\nendcodespacerange\n${toUnicode}\nendcmap\nCMapName currentdict /CMap defineresource pop\nend\nend`;
  const descriptor = add(
    '<</Type/FontDescriptor/FontName/SimSun/Flags 6/FontBBox[0 -141 1000 859]/ItalicAngle 0/Ascent 859/Descent -141/CapHeight 683/StemV 80>>',
  );
  const cidFont = add(
    `<</Type/Font/Subtype/CIDFontType2/BaseFont/SimSun/CIDSystemInfo<</Registry(Adobe)/Ordering(Identity)/Supplement 0>>/FontDescriptor ${descriptor} 0 R/DW 1000/CIDToGIDMap/Identity>>`,
  );
  const unicode = add(
    `<</Length ${Buffer.byteLength(cmap, 'latin1')}>>\nstream\n${cmap}\nendstream`,
  );
  const font = add(
    `<</Type/Font/Subtype/Type0/BaseFont/SimSun/Encoding/Identity-H/DescendantFonts[${cidFont} 0 R]/ToUnicode ${unicode} 0 R>>`,
  );
  const tree = add('');
  const kids = pages.map((content, i) => {
    // The footer every page carries: its number, as Word prints it.
    const footer = `BT /F1 12 Tf 285 50 Td <${hex(`— ${i + 1} —`)}> Tj ET`;
    const stream = [...content, footer].join('\n');
    const contents = add(`<</Length ${stream.length}>>\nstream\n${stream}\nendstream`);
    return add(
      `<</Type/Page/Parent ${tree} 0 R/MediaBox[0 0 ${PAGE.width} ${PAGE.height}]/Resources<</Font<</F1 ${font} 0 R>>>>/Contents ${contents} 0 R>>`,
    );
  });
  objects[tree - 1] =
    `<</Type/Pages/Kids[${kids.map((k) => `${k} 0 R`).join(' ')}]/Count ${kids.length}>>`;
  const catalog = add(`<</Type/Catalog/Pages ${tree} 0 R>>`);
  let out = '%PDF-1.7\n';
  const offsets = objects.map((body, i) => {
    const at = Buffer.byteLength(out, 'latin1');
    out += `${i + 1} 0 obj\n${body}\nendobj\n`;
    return at;
  });
  const xref = Buffer.byteLength(out, 'latin1');
  out += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n`;
  out += offsets.map((o) => `${String(o).padStart(10, '0')} 00000 n \n`).join('');
  out += `trailer\n<</Size ${objects.length + 1}/Root ${catalog} 0 R>>\nstartxref\n${xref}\n%%EOF\n`;
  return new Uint8Array(Buffer.from(out, 'latin1'));
}
