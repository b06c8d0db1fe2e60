import type { APIRoute } from 'astro';
import { disclosuresJsonSchema } from '../../data/json-schema';
import { jsonResponse, siteLinks } from '../../site/links';
import { DATA_FILES } from '../../data/records';

/** The JSON Schema of disclosures.json, generated from the zod schema in src/data/record-schemas.ts. */
export const GET: APIRoute = ({ site }) =>
  jsonResponse(
    disclosuresJsonSchema(siteLinks(site).file(DATA_FILES.schema)),
    'application/schema+json',
  );
