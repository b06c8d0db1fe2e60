import type { APIRoute, GetStaticPaths } from 'astro';
import { readSettings } from '../../config';
import { readSource } from '../../content/sources';
import { loadModel } from '../../check/check';
import { listOfferedSourceFiles } from '../../model/offered-versions';
import { findOriginalType, ORIGINAL_HEADERS } from '../../site/originals';

/**
 * The originals, byte for byte, at stable URLs (their SHA-256 is on the source
 * page): the text the site shows, and the file as the bureau published it
 * where that is another (a PDF, a Word file, a GBK text, a saved web page).
 * An earlier version that carries a part a later version withholds is not
 * published (src/model/offered-versions.ts). The headers here are the dev
 * server's; a deployed site's web server gives the same
 * (src/site/originals.ts says why).
 */
export const getStaticPaths = (async () =>
  (await loadModel()).publications.flatMap((p) =>
    listOfferedSourceFiles(p).map((file) => ({ params: { file } })),
  )) satisfies GetStaticPaths;

export const GET: APIRoute = ({ params }) => {
  const file = params.file ?? '';
  return new Response(new Uint8Array(readSource(readSettings().contentDir, file)), {
    headers: { ...ORIGINAL_HEADERS, 'Content-Type': findOriginalType(file) },
  });
};
