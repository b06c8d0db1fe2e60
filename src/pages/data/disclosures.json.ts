import type { APIRoute } from 'astro';
import { jsonResponse } from '../../data/links';
import { siteData } from '../../data/site-data';

/** Every project with every field: the endpoint a portal lists disclosures from. */
export const GET: APIRoute = async ({ site }) => jsonResponse((await siteData(site)).file);
