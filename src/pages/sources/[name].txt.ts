import type { APIRoute, GetStaticPaths } from 'astro';
import { readSettings } from '../../config';
import { readSource } from '../../content/sources';
import { loadModel } from '../../check/check';

/** The original texts, byte for byte, at a stable URL (their SHA-256 is on the source page). */
export const getStaticPaths = (async () =>
  (await loadModel()).publications.map((p) => ({
    params: { name: p.data.source.file.replace(/\.txt$/, '') },
  }))) satisfies GetStaticPaths;

export const GET: APIRoute = ({ params }) =>
  new Response(new Uint8Array(readSource(readSettings().contentDir, `${params.name ?? ''}.txt`)), {
    headers: { 'Content-Type': 'text/plain; charset=utf-8' },
  });
