import type { APIRoute } from 'astro';
import { siteLinks } from '../site/links';

/** Points crawlers at the sitemap. Under a portal's sub-path the portal's own robots.txt governs; this one serves a root deployment. */
export const GET: APIRoute = ({ site }) =>
  new Response(`User-agent: *\nAllow: /\n\nSitemap: ${siteLinks(site).file('sitemap.xml')}\n`, {
    headers: { 'Content-Type': 'text/plain; charset=utf-8' },
  });
