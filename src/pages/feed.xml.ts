import type { APIRoute } from 'astro';
import { siteLinks } from '../data/links';
import { atomFeed } from '../lib/feed';
import { loadModel } from '../model/load';

/** The Chinese Atom feed. */
export const GET: APIRoute = async ({ site }) =>
  new Response(atomFeed(await loadModel(), 'zh', siteLinks(site)), { headers: { 'Content-Type': 'application/atom+xml; charset=utf-8' } });
