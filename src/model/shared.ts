import { contentDir } from '../lib/content-dir';
import type { Model } from './types';

/**
 * The build checks the content before Astro starts (src/integrations/content-check.ts)
 * and leaves the model it built here, keyed by the content folder, for the pages
 * to use: at 10,000 disclosures that saves reading and checking 20,000 files twice.
 * globalThis, because the integration and the pages are separate module graphs
 * in one process.
 */
const KEY = Symbol.for('disclosures.checked-model');
type Shared = { dir: string; model: Model };

export function shareCheckedModel(model: Model | null): void {
  if (model) (globalThis as Record<symbol, Shared | undefined>)[KEY] = { dir: contentDir(), model };
}

export function checkedModel(): Model | undefined {
  const shared = (globalThis as Record<symbol, Shared | undefined>)[KEY];
  return shared?.dir === contentDir() ? shared.model : undefined;
}
