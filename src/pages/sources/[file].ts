import type { APIRoute, GetStaticPaths } from 'astro';
import { readSettings } from '../../config';
import { readSource } from '../../content/sources';
import { loadModel } from '../../check/check';

/**
 * The originals, byte for byte, at stable URLs (their SHA-256 is on the source
 * page): the text the site shows, and the file as the bureau published it
 * where that is another (a PDF, a Word file, a GBK text, a saved web page).
 * The content type here is the dev server's; a deployed site's web server
 * gives its own (docs/deploy/nginx-site.conf serves .txt as UTF-8).
 */
const TYPES: Record<string, string> = {
  txt: 'text/plain; charset=utf-8',
  pdf: 'application/pdf',
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  doc: 'application/msword',
  wps: 'application/vnd.ms-works',
  html: 'application/octet-stream',
  htm: 'application/octet-stream',
};

export const getStaticPaths = (async () =>
  (await loadModel()).publications.flatMap((p) =>
    // Every version's files: the current one is the last.
    p.versions.flatMap(({ source }) => [
      { params: { file: source.file } },
      ...(source.original ? [{ params: { file: source.original.file } }] : []),
    ]),
  )) satisfies GetStaticPaths;

export const GET: APIRoute = ({ params }) => {
  const file = params.file ?? '';
  const extension = /\.([a-z]+)$/.exec(file)?.[1] ?? '';
  // An original text in another encoding is named for it (….zh.gb18030.txt) and served in it.
  const encoding = /\.(gb18030|gbk|utf-16le|utf-16be)\.txt$/.exec(file)?.[1];
  const type = encoding
    ? `text/plain; charset=${encoding}`
    : (TYPES[extension] ?? 'application/octet-stream');
  return new Response(new Uint8Array(readSource(readSettings().contentDir, file)), {
    headers: { 'Content-Type': type },
  });
};
