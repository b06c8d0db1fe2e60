import type { APIRoute } from 'astro';
import { jsonResponse } from '../../site/links';
import { readSiteData } from '../../site/data-files';

/** One light record per project: what a portal widget lists, with the address of the full record. */
export const GET: APIRoute = ({ site }) => jsonResponse(readSiteData(site).index);
