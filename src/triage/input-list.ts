/** Reads a list of paths (one per line, or NUL-separated as from `find -print0`); blank lines are ignored. */
export async function readInputList(stream: NodeJS.ReadableStream): Promise<string[]> {
  const chunks: Buffer[] = [];
  for await (const chunk of stream) chunks.push(Buffer.isBuffer(chunk) ? chunk : Buffer.from(chunk));
  const text = Buffer.concat(chunks).toString('utf8');
  const separator = text.includes('\0') ? '\0' : /\r?\n/;
  return text.split(separator).filter((line) => line.trim() !== '');
}
