import type { APIRoute } from 'astro';
import { toCsv } from '../../data/csv';
import { readSiteData } from '../../site/data-files';

/** One row per project, for spreadsheets. */
export const GET: APIRoute = ({ site }) =>
  new Response(toCsv(readSiteData(site).file.projects), {
    headers: { 'Content-Type': 'text/csv; charset=utf-8' },
  });
