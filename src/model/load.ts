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
    const withPath = <T extends { filePath?: string; body?: string }>(entry: T) => ({
      ...entry,
      filePath: `content/${entry.filePath?.replace(/^(\.\/)?content\//, '') ?? ''}`,
      body: entry.body ?? '',
    });
    return buildModel({
      publications: publications.map(withPath),
      disclosures: disclosures.map(withPath),
      translations: translations.map(withPath),
      sourceHashes: hashSources(),
    });
  })();
  return model;
}
