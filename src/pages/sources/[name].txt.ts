import type { APIRoute, GetStaticPaths } from 'astro';
import { loadModel } from '../../model/load';
import { readSource } from '../../model/sources';

/** The original texts, byte for byte, at a stable URL (their SHA-256 is on the source page). */
export const getStaticPaths = (async () => {
  const model = await loadModel();
  return model.publications.map((p) => ({ params: { name: p.data.source.file.replace(/\.txt$/, '') } }));
}) satisfies GetStaticPaths;

export const GET: APIRoute = ({ params }) =>
  new Response(new Uint8Array(readSource(`${params.name}.txt`)), {
    headers: { 'Content-Type': 'text/plain; charset=utf-8' },
  });
