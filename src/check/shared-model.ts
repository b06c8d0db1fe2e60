import type { Model } from '../model/types';

/**
 * The build checks the content before Astro starts (src/integrations/content-check.ts)
 * and leaves the model here, keyed by the content folder, for the pages: at
 * 10,000 disclosures that saves reading and checking 20,000 files twice.
 * globalThis, because the integration and the pages are separate module graphs
 * in one process.
 */
const SHARED = Symbol.for('disclosures.checked-model');
type Shared = { dir: string; model: Model };
const shared = globalThis as { [SHARED]?: Shared };

export function readSharedModel(contentDir?: string): Model | undefined {
  const held = shared[SHARED];
  return held && (contentDir === undefined || held.dir === contentDir) ? held.model : undefined;
}

export function writeSharedModel(contentDir: string, model: Model): void {
  shared[SHARED] = { dir: contentDir, model };
}
