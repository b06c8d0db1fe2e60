import type { APIRoute } from 'astro';
import { siteLinks } from '../site/links';
import { atomFeed } from '../site/feed';
import { loadModel } from '../check/check';

/** The Chinese Atom feed. */
export const GET: APIRoute = async ({ site }) =>
  new Response(atomFeed(await loadModel(), 'zh', siteLinks(site)), {
    headers: { 'Content-Type': 'application/atom+xml; charset=utf-8' },
  });
