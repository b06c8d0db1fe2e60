import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { contentDir } from '../lib/content-dir';
import { getCollection } from 'astro:content';
import { buildModel } from './build';
import { hashSources } from './sources';
import type { Model } from './types';
import { checkedModel } from './shared';

let model: Promise<Model> | undefined;

/** The site's model, built once per build from the content collections. */
export function loadModel(): Promise<Model> {
  const checked = checkedModel();
  if (checked) return Promise.resolve(checked);
  model ??= (async () => {
    const [publications, disclosures, translations] = await Promise.all([
      getCollection('publications'),
      getCollection('disclosures'),
      getCollection('translations'),
    ]);
    const dir = contentDir();
    const withPath = <T extends { id: string; body?: string }>(entry: T) => {
      // Entry ids are content paths without the extension (src/content.config.ts).
      const relativePath = `${entry.id}${entry.id.endsWith('/publication') ? '.yaml' : '.md'}`;
      const filePath = `content/${relativePath}`;
      const body = entry.body ?? '';
      // Astro gives the body without saying where it starts; count the lines before it.
      const raw = body ? readFileSync(join(dir, relativePath), 'utf8').replace(/\r\n?/g, '\n') : '';
      const at = body ? raw.lastIndexOf(body.replace(/\r\n?/g, '\n')) : -1;
      return { ...entry, filePath, body, bodyStartLine: at < 0 ? 1 : raw.slice(0, at).split('\n').length };
    };
    return buildModel({
      publications: publications.map(withPath),
      disclosures: disclosures.map(withPath),
      translations: translations.map(withPath),
      sourceHashes: hashSources(),
    });
  })();
  return model;
}
