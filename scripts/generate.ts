/**
 * Writes synthetic disclosures into a content folder for the benchmark:
 *   tsx scripts/generate.ts <folder> <count> [seed]
 * It refuses to write into the project's own content/.
 */
import { rmSync } from 'node:fs';
import { resolve } from 'node:path';
import { generateContent, writeContent } from '../src/generate/synthetic';

export function writeGenerated(
  folder: string,
  count: number,
  seed?: number,
  years?: number,
): number {
  const target = resolve(folder);
  if (target === resolve('content') || target.startsWith(`${resolve('content')}/`)) {
    throw new Error(
      'refusing to write generated disclosures into content/: give a temporary folder',
    );
  }
  rmSync(target, { recursive: true, force: true });
  const files = generateContent({
    count,
    ...(seed === undefined ? {} : { seed }),
    ...(years === undefined ? {} : { years }),
  });
  writeContent(target, files);
  return files.size;
}

if (import.meta.url === `file://${process.argv[1] ?? ''}`) {
  const [folder, count, seed] = process.argv.slice(2);
  if (!folder || !count) {
    console.error('usage: tsx scripts/generate.ts <folder> <count> [seed]');
    process.exit(2);
  }
  const written = writeGenerated(
    folder,
    Number(count),
    seed === undefined ? undefined : Number(seed),
  );
  console.log(`wrote ${written} files for ${count} disclosures into ${resolve(folder)}`);
}
