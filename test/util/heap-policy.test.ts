import { applyHeapPolicy, capYoungGeneration, limitOldGenerationGrowth } from '../../src/util/heap-policy.js';

function fakeHeap(sizes: number[]) {
  let calls = 0;
  const flags: string[] = [];
  return {
    flags,
    controls: {
      newSpaceBytes: () => sizes[Math.min(calls++, sizes.length - 1)] ?? 0,
      setFlags: (f: string) => void flags.push(f),
    },
  };
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

test('the old generation growth is set at once; young growth stops once, when it reaches the cap', async () => {
  const heap = fakeHeap([1, 2, 4, 8, 16]);
  applyHeapPolicy(heap.controls, 8);
  expect(heap.flags).toEqual(['--heap-growing-percent=20']);
  await sleep(60);
  expect(heap.flags).toEqual(['--heap-growing-percent=20', '--semi-space-growth-factor=1']);
});

test('a young generation already at the cap is capped at once', () => {
  const heap = fakeHeap([8]);
  applyHeapPolicy(heap.controls, 8);
  expect(heap.flags).toContain('--semi-space-growth-factor=1');
});

test('the watcher can be stopped before the cap is reached', async () => {
  const heap = fakeHeap([1, 1, 1, 16]);
  const stop = applyHeapPolicy(heap.controls, 8);
  stop();
  await sleep(40);
  expect(heap.flags).not.toContain('--semi-space-growth-factor=1');
});

test("the young-generation half caps the young generation and leaves the old generation's growth alone", async () => {
  const heap = fakeHeap([1, 2, 4, 8]);
  capYoungGeneration(heap.controls, 8);
  expect(heap.flags).toEqual([]);
  await sleep(60);
  expect(heap.flags).toEqual(['--semi-space-growth-factor=1']);
});

// Found by a review: triage took only the young-generation half, and V8 let its old generation reach four times its
// live size, which grows with the inputs: 20,000 logs peaked 40 MiB above 5,000. Its CLI sets this half too.
test('the old-generation half alone sets the growth and leaves the young generation alone', async () => {
  const heap = fakeHeap([1, 2, 4, 8]);
  limitOldGenerationGrowth(heap.controls);
  await sleep(40);
  expect(heap.flags).toEqual(['--heap-growing-percent=20']);
});
