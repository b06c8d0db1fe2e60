import type { APIRoute } from 'astro';
import { siteLinks } from '../data/links';
import { contentUpdated } from '../data/records';
import { routes } from '../lib/routes';
import { sitemap } from '../lib/sitemap';
import { loadModel } from '../model/load';

export const GET: APIRoute = async ({ site }) => {
  const model = await loadModel();
  return new Response(sitemap(routes(model), siteLinks(site), contentUpdated(model)), { headers: { 'Content-Type': 'application/xml; charset=utf-8' } });
};
