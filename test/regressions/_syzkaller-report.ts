import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

/**
 * The path of syzkaller report N: the corpus copy (`syzkaller__report_N__<title>.txt`) if it is there, else the title
 * audit's copy (`audit-titles-data/N.txt`, header then log), else undefined (the test skips).
 */
export function syzkallerReport(n: number, corpusName: string): string | undefined {
  return [`../../../shared/corpus/${corpusName}`, `../../../audit-titles-data/${n}.txt`]
    .map((path) => fileURLToPath(new URL(path, import.meta.url)))
    .find((path) => existsSync(path));
}
