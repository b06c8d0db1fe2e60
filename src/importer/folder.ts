import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

/** Reading the content folder, for an import that changes what is in it. */

/** A text file, as UTF-8. */
export const readText = (path: string) => readFileSync(path, 'utf8');
/** The Markdown files of a folder, sorted; none if it does not exist. */
export const listMarkdown = (dir: string) =>
  existsSync(dir)
    ? readdirSync(dir)
        .filter((name) => name.endsWith('.md'))
        .sort()
    : [];

/** The slugs of a publication's projects that have a translation already. */
export function translatedSlugs(contentDir: string, folder: string): Set<string> {
  try {
    return new Set(
      readdirSync(join(contentDir, folder, 'en'))
        .filter((name) => name.endsWith('.md'))
        .map((name) => name.slice(0, -3)),
    );
  } catch {
    return new Set();
  }
}
