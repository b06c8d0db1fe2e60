import type { APIRoute } from 'astro';
import { indexJsonSchema } from '../../data/json-schema';
import { DATA_FILES } from '../../data/records';
import { jsonResponse, siteLinks } from '../../site/links';

/** The JSON Schema of index.json, generated from the zod schema in src/data/record-schemas.ts. */
export const GET: APIRoute = ({ site }) =>
  jsonResponse(
    indexJsonSchema(siteLinks(site).file(DATA_FILES.indexSchema)),
    'application/schema+json',
  );
