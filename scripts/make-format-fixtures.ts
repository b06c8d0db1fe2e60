/**
 * Makes the binary fixtures of the importer's tests (tests/fixtures/formats/)
 * the way bureaus make them: a Word document (tests/support/bureau-files.ts)
 * with automatic numbering, saved by LibreOffice as PDF and as Word 97, and a scan (a page that is only
 * an image) as PDF. Run it again only to change them; the tests read the
 * committed files, so they need no office suite.
 *
 *   npx tsx scripts/make-format-fixtures.ts    (needs soffice: libreoffice-writer)
 */
import { execFileSync } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { deflateSync } from 'node:zlib';
import { Document, ImageRun, Packer, Paragraph } from 'docx';
import { BLOCKS, makeDocx } from '../tests/support/bureau-files';

const OUT = resolve(import.meta.dirname, '../tests/fixtures/formats');
const work = mkdtempSync(join(tmpdir(), 'format-fixtures-'));

/** A grey PNG with dark stripes, like a scanned page of text. */
function scannedPng(width: number, height: number): Buffer {
  const crcTable = Array.from({ length: 256 }, (_, n) => {
    let c = n;
    for (let k = 0; k < 8; k += 1) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    return c >>> 0;
  });
  const crc = (bytes: Buffer) => {
    let c = 0xffffffff;
    for (const b of bytes) c = crcTable[(c ^ b) & 0xff]! ^ (c >>> 8);
    return (c ^ 0xffffffff) >>> 0;
  };
  const chunk = (type: string, data: Buffer) => {
    const length = Buffer.alloc(4);
    length.writeUInt32BE(data.length);
    const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
    const sum = Buffer.alloc(4);
    sum.writeUInt32BE(crc(body));
    return Buffer.concat([length, body, sum]);
  };
  const header = Buffer.alloc(13);
  header.writeUInt32BE(width, 0);
  header.writeUInt32BE(height, 4);
  header[8] = 8; // bit depth
  header[9] = 0; // greyscale
  const rows = Buffer.alloc((width + 1) * height);
  for (let y = 0; y < height; y += 1) {
    for (let x = 0; x < width; x += 1)
      rows[y * (width + 1) + 1 + x] =
        y % 24 < 12 && x % 16 < 13 && x > 20 && x < width - 20 ? 40 : 235;
  }
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', header),
    chunk('IDAT', deflateSync(rows)),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

function convert(file: string, to: string): void {
  execFileSync('soffice', ['--headless', '--convert-to', to, '--outdir', work, file], {
    stdio: 'ignore',
    env: { ...process.env, HOME: work },
  });
}

try {
  mkdirSync(OUT, { recursive: true });
  const docx = join(work, 'bureau.docx');
  writeFileSync(docx, await makeDocx({ automaticNumbering: true }));
  convert(docx, 'pdf');
  copyFileSync(join(work, 'bureau.pdf'), join(OUT, 'bureau.pdf'));
  // Word 97 keeps automatic numbers out of the text too, and word-extractor does not read them.
  convert(docx, 'doc:MS Word 97');
  copyFileSync(join(work, 'bureau.doc'), join(OUT, 'bureau.doc'));

  // The same text with the first project's 六、资金安排情况 left out: a PDF the importer refuses.
  const funding = BLOCKS.findIndex((b) => b.text === '六、资金安排情况');
  const broken = join(work, 'broken.docx');
  writeFileSync(
    broken,
    await makeDocx({ blocks: BLOCKS.filter((_, i) => i !== funding && i !== funding + 1) }),
  );
  convert(broken, 'pdf');
  copyFileSync(join(work, 'broken.pdf'), join(OUT, 'broken.pdf'));

  const scan = join(work, 'scanned.docx');
  const image = new ImageRun({
    type: 'png',
    data: scannedPng(600, 840),
    transformation: { width: 500, height: 700 },
  });
  writeFileSync(
    scan,
    await Packer.toBuffer(
      new Document({ sections: [{ children: [new Paragraph({ children: [image] })] }] }),
    ),
  );
  convert(scan, 'pdf');
  copyFileSync(join(work, 'scanned.pdf'), join(OUT, 'scanned.pdf'));
  console.log(`wrote bureau.pdf, bureau.doc, broken.pdf and scanned.pdf to ${OUT}`);
} finally {
  rmSync(work, { recursive: true, force: true });
}
