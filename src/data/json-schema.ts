import { z } from 'astro/zod';
import { DisclosuresFileSchema, IndexFileSchema } from './record-schemas';

/** JSON Schema (draft 2020-12) of /data/disclosures.json, generated from the zod schema, never written by hand. */
export function disclosuresJsonSchema(id: string): Record<string, unknown> {
  return {
    $id: id,
    ...z.toJSONSchema(DisclosuresFileSchema, { target: 'draft-2020-12', io: 'output' }),
  };
}

/** JSON Schema of /data/index.json. */
export function indexJsonSchema(id: string): Record<string, unknown> {
  return { $id: id, ...z.toJSONSchema(IndexFileSchema, { target: 'draft-2020-12', io: 'output' }) };
}
