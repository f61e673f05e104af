import { PassThrough } from 'node:stream';
import { firstEvent } from '../../util/first-event.js';

/**
 * Copies `source` into a fresh stream the consumer may destroy at will: the source is then drained and
 * discarded instead of being destroyed (destroying a tar-stream entry would destroy the whole archive).
 * `done` settles once the source has been read to its end or failed; the failure goes to the copy.
 */
export function detachedCopy(source: AsyncIterable<Buffer>): { stream: PassThrough; done: Promise<void> } {
  const stream = new PassThrough();
  stream.on('error', () => undefined);
  const done = (async () => {
    try {
      for await (const chunk of source) {
        if (stream.destroyed) continue;
        if (!stream.write(chunk)) await firstEvent(stream, ['drain', 'close']);
      }
      if (!stream.destroyed) stream.end();
    } catch (err) {
      stream.destroy(err as Error);
    }
  })();
  return { stream, done };
}
