import { readFileSync } from 'node:fs';
import { getCollection } from 'astro:content';
import { buildModel } from './build';
import { hashSources } from './sources';
import type { Model } from './types';

let model: Promise<Model> | undefined;

/** The site's model, built once per build from the content collections. */
export function loadModel(): Promise<Model> {
  model ??= (async () => {
    const [publications, disclosures, translations] = await Promise.all([
      getCollection('publications'),
      getCollection('disclosures'),
      getCollection('translations'),
    ]);
    const withPath = <T extends { filePath?: string; body?: string }>(entry: T) => {
      const filePath = `content/${entry.filePath?.replace(/^(\.\/)?content\//, '') ?? ''}`;
      const body = entry.body ?? '';
      // Astro gives the body without saying where it starts; count the lines before it.
      const raw = body ? readFileSync(filePath, 'utf8').replace(/\r\n?/g, '\n') : '';
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
