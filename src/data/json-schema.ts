import { z } from 'astro/zod';
import { disclosuresFile, projectRecord } from './record';

/** JSON Schema (draft 2020-12) of /data/disclosures.json, generated from the zod schema, never written by hand. */
export function disclosuresJsonSchema(id: string): Record<string, unknown> {
  return { $id: id, ...z.toJSONSchema(disclosuresFile, { target: 'draft-2020-12', io: 'output' }) };
}

/** JSON Schema of one project's own file. */
export function projectJsonSchema(): Record<string, unknown> {
  return z.toJSONSchema(projectRecord, { target: 'draft-2020-12', io: 'output' });
}
