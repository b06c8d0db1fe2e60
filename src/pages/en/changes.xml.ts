import type { APIRoute } from 'astro';
import { siteLinks } from '../../site/links';
import { changesFeed } from '../../site/feed';
import { loadModel } from '../../check/check';

/** The English Atom feed of revisions (the entries of /en/changes/). */
export const GET: APIRoute = async ({ site }) =>
  new Response(changesFeed(await loadModel(), 'en', siteLinks(site)), {
    headers: { 'Content-Type': 'application/atom+xml; charset=utf-8' },
  });
