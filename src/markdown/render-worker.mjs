// The entry of a render worker thread (src/markdown/render.ts, renderBodies).
// A thread starts without the TypeScript loader that the build, the check or
// Vitest run under, so it registers tsx's before it loads the renderer.
import { register } from 'tsx/esm/api';

register();
await import('./render-worker.ts');
