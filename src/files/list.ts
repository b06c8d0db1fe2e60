import { existsSync, readdirSync } from 'node:fs';
import { join, relative } from 'node:path';

/** Every file below a folder, as sorted paths relative to it with `/` between segments; none if it does not exist. */
export function listFiles(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile())
    .map((e) => relative(dir, join(e.parentPath, e.name)).split('\\').join('/'))
    .sort();
}
