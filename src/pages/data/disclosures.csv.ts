import type { APIRoute } from 'astro';
import { toCsv } from '../../data/csv';
import { siteLinks } from '../../data/links';
import { disclosuresFile } from '../../data/records';
import { loadModel } from '../../model/load';

/** One row per project, for spreadsheets. */
export const GET: APIRoute = async ({ site }) =>
  new Response(toCsv(disclosuresFile(await loadModel(), siteLinks(site)).projects), {
    headers: { 'Content-Type': 'text/csv; charset=utf-8' },
  });
