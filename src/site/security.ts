/**
 * The Content-Security-Policy every page carries (as a meta tag, so it holds
 * on any static host). Everything comes from the site itself; no 'unsafe-inline'
 * and no 'unsafe-eval' anywhere.
 *
 * What Pagefind 1.6 needs, measured in Chromium: its search engine is
 * WebAssembly, compiled in a Web Worker (pagefind-worker.js, same origin), so
 * `script-src 'self'` plus `worker-src 'self'` is enough for the normal path;
 * a worker's policy comes from its own response, not from this meta tag. When
 * the worker cannot start, Pagefind falls back to compiling on the main thread,
 * which needs 'wasm-unsafe-eval' (and only that); we allow it so that search
 * still works there. JSON-LD blocks are data, not script, and CSP does not
 * apply to them. frame-ancestors cannot be set from a meta tag; a portal that
 * wants it sets it as a header.
 */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self' 'wasm-unsafe-eval'",
  "worker-src 'self'",
  "style-src 'self'",
  "img-src 'self' data:",
  "font-src 'self'",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'self'",
  "form-action 'self'",
].join('; ');

/** Full address within the site, only the origin to other sites, nothing over plain HTTP. */
export const REFERRER_POLICY = 'strict-origin-when-cross-origin';
