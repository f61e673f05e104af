/** Reads a whole stream into memory, or returns undefined (after draining it) when it exceeds `capBytes`. */
export async function readCapped(stream: AsyncIterable<Buffer>, capBytes: number): Promise<Buffer | undefined> {
  const chunks: Buffer[] = [];
  let total = 0;
  let over = false;
  for await (const chunk of stream) {
    if (over) continue;
    total += chunk.length;
    if (total > capBytes) {
      over = true;
      chunks.length = 0;
    } else {
      chunks.push(chunk);
    }
  }
  return over ? undefined : Buffer.concat(chunks, total);
}
