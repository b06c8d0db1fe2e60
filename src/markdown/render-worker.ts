import { parentPort } from 'node:worker_threads';
import { readParseCount } from './parse-count';
import { renderHere, type RenderInput, type RenderOutcome, type RenderReply } from './render';

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
/** Renders each body of a request, answering for each as it is done. */
async function answer({ base, bodies }: RenderRequest): Promise<void> {
  for (const { id, input } of bodies) {
    const before = readParseCount();
    let result: { outcome: RenderOutcome } | { failed: string };
    try {
      result = { outcome: await renderHere(input, base) };
    } catch (error) {
      result = { failed: error instanceof Error ? (error.stack ?? error.message) : String(error) };
    }
    const reply: RenderReply = { id, parses: readParseCount() - before, ...result };
    port.postMessage(reply);
  }
}

port.on('message', (request: RenderRequest) => void answer(request));
