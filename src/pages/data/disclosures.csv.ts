import type { APIRoute } from 'astro';
import { toCsv } from '../../data/csv';
import { siteData } from '../../data/site-data';

/** One row per project, for spreadsheets. */
export const GET: APIRoute = async ({ site }) =>
  new Response(toCsv((await siteData(site)).file.projects), {
    headers: { 'Content-Type': 'text/csv; charset=utf-8' },
  });
