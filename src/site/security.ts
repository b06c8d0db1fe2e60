/**
 * The Content-Security-Policy of a page (a meta tag, so it holds on any static
 * host). Everything comes from the site itself; no 'unsafe-inline' and no
 * 'unsafe-eval' anywhere. Style, font, connect and worker sources fall back to
 * default-src 'self', so they are not repeated.
 *
 * A page that runs no script (every page but search: project pages ship none)
 * allows none. The search page runs its own script and Pagefind's, whose
 * engine is WebAssembly compiled in the page's thread (src/search/client.ts:
 * noWorker, so that the files the page preloads are the ones used), which
 * needs 'wasm-unsafe-eval' and only that. JSON-LD blocks are data, not script,
 * and CSP does not apply to them. frame-ancestors cannot be set from a meta
 * tag; the nginx example sets it as a header.
 */
export function contentSecurityPolicy(runsScripts: boolean): string {
  return [
    "default-src 'self'",
    runsScripts ? "script-src 'self' 'wasm-unsafe-eval'" : "script-src 'none'",
    "img-src 'self' data:",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
  ].join('; ');
}

/** Full address within the site, only the origin to other sites, nothing over plain HTTP. */
export const REFERRER_POLICY = 'strict-origin-when-cross-origin';
