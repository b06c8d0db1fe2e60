import type { APIRoute } from 'astro';
import { jsonResponse } from '../../site/links';
import { readSiteData } from '../../site/data-files';

/** Every project with every field: the endpoint a portal lists disclosures from. */
export const GET: APIRoute = ({ site }) => jsonResponse(readSiteData(site).file);
