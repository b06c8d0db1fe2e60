/**
 * How the originals under sources/ are served: as downloads, never as pages
 * of the site's origin. A bureau's web page saved from the browser is kept
 * byte for byte, scripts and all; served as `text/html` from the site's own
 * origin it would run them there (stored XSS), whatever the site's own pages'
 * Content-Security-Policy says, since an original's response carries only the
 * server's headers. So every original goes out with these headers, by
 * `npm start` (scripts/serve-site.ts), the dev server
 * (src/pages/sources/[file].ts) and the deployment's nginx
 * (docs/deploy/nginx-originals.conf, tested against this list).
 */
export const ORIGINAL_HEADERS = {
  'Content-Disposition': 'attachment',
  // Were a browser to render it anyway, nothing in it may run, load or submit.
  'Content-Security-Policy': "sandbox; default-src 'none'",
  'X-Content-Type-Options': 'nosniff',
  'Cache-Control': 'no-cache',
} as const;

/** Types that no browser renders as a page of the origin; anything else (a web page) is opaque bytes. */
const TYPES: Record<string, string> = {
  pdf: 'application/pdf',
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  doc: 'application/msword',
  wps: 'application/vnd.ms-works',
};

/** Encodings an original text may be named for (….zh.gb18030.txt); the site's own text is UTF-8. */
const NAMED_ENCODING = /\.(gb18030|gbk|utf-16le|utf-16be)\.txt$/;

/**
 * The Content-Type of an original, by its name: a text in the encoding it is
 * named for (a GBK text is never relabelled UTF-8), a web page (.html, .htm)
 * and anything unknown as `application/octet-stream`, which carries no
 * charset either, so its bytes reach the reader as the bureau published them.
 */
export function findOriginalType(file: string): string {
  if (file.endsWith('.txt'))
    return `text/plain; charset=${NAMED_ENCODING.exec(file)?.[1] ?? 'utf-8'}`;
  return TYPES[/\.([a-z0-9]+)$/.exec(file)?.[1] ?? ''] ?? 'application/octet-stream';
}
