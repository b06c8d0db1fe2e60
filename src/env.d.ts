// Astro’s client types (import.meta.env, ?url imports) without waiting for
// `astro sync` to write .astro/types.d.ts: lint runs before any build on a fresh clone.
/// <reference types="astro/client" />
