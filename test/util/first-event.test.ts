import { EventEmitter } from 'node:events';
import { firstEvent } from '../../src/util/first-event.js';

describe('firstEvent', () => {
  test('settles on whichever event comes first and leaves no listener behind', async () => {
    const emitter = new EventEmitter();
    const settled = firstEvent(emitter, ['drain', 'close']);
    emitter.emit('close');
    await settled;
    expect(emitter.listenerCount('drain') + emitter.listenerCount('close')).toBe(0);
  });

  test('settles on the callback given to start, before any event', async () => {
    const emitter = new EventEmitter();
    await firstEvent(emitter, ['error', 'close'], (done) => setImmediate(done));
    expect(emitter.listenerCount('error')).toBe(0);
  });

  test('an error event settles it instead of rejecting', async () => {
    const emitter = new EventEmitter();
    const settled = firstEvent(emitter, ['error', 'close'], () => undefined);
    emitter.emit('error', new Error('bad block'));
    await expect(settled).resolves.toBeUndefined();
  });

  test('waits while none has come', async () => {
    const emitter = new EventEmitter();
    let done = false;
    void firstEvent(emitter, ['drain']).then(() => (done = true));
    await new Promise((resolve) => setImmediate(resolve));
    expect(done).toBe(false);
    emitter.emit('drain');
    await new Promise((resolve) => setImmediate(resolve));
    expect(done).toBe(true);
  });
});
