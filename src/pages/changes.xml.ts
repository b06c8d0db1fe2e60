import type { APIRoute } from 'astro';
import { siteLinks } from '../site/links';
import { changesFeed } from '../site/feed';
import { loadModel } from '../check/check';

/** The Chinese Atom feed of revisions (the entries of /changes/). */
export const GET: APIRoute = async ({ site }) =>
  new Response(changesFeed(await loadModel(), 'zh', siteLinks(site)), {
    headers: { 'Content-Type': 'application/atom+xml; charset=utf-8' },
  });
