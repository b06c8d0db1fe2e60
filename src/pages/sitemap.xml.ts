import type { APIRoute } from 'astro';
import { findContentUpdated } from '../data/records';
import { loadModel } from '../check/check';
import { siteLinks } from '../site/links';
import { listRoutes } from '../site/routes';
import { sitemap } from '../site/sitemap';

export const GET: APIRoute = async ({ site }) => {
  const model = await loadModel();
  return new Response(sitemap(listRoutes(model), siteLinks(site), findContentUpdated(model)), {
    headers: { 'Content-Type': 'application/xml; charset=utf-8' },
  });
};
