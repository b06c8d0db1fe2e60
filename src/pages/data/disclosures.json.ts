import type { APIRoute } from 'astro';
import { jsonResponse, siteLinks } from '../../data/links';
import { disclosuresFile } from '../../data/records';
import { loadModel } from '../../model/load';

/** Every project with every field: the endpoint a portal lists disclosures from. */
export const GET: APIRoute = async ({ site }) => jsonResponse(disclosuresFile(await loadModel(), siteLinks(site)));
