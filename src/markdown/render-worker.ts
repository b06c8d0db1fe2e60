import { parentPort } from 'node:worker_threads';
import { readParseCount } from './parse-count';
import { renderBody, type RenderInput, type RenderReply } from './render';

/**
 * One of the threads that render bodies for a build (src/markdown/render.ts,
 * renderBodies): it renders each body it is sent with the same processor as
 * the main thread, and answers with the result and the parses it ran, so that
 * the build's parse count stays whole.
 */
interface RenderRequest {
  base: string;
  bodies: { id: number; input: RenderInput }[];
}

const port = parentPort!;
port.on('message', async ({ base, bodies }: RenderRequest) => {
  for (const { id, input } of bodies) {
    const before = readParseCount();
    let reply: RenderReply;
    try {
      reply = { id, rendered: await renderBody(input, base) };
    } catch (error) {
      // A body nested too deeply overflows the stack: the check reports it as a problem of the file.
      reply =
        error instanceof RangeError
          ? { id, tooDeep: true }
          : { id, failed: error instanceof Error ? (error.stack ?? error.message) : String(error) };
    }
    port.postMessage({ ...reply, parses: readParseCount() - before });
  }
});
