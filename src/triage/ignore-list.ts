import { readInputFile } from '../ingest/read-bounded.js';
import { InputError } from '../errors.js';
import type { SummaryCluster } from './summary-types.js';
import { globMatch } from '../util/glob-match.js';

/** A `/regex/` (the user's own) or a glob, tested against cluster titles. */
export interface TitleMatcher {
  test(title: string): boolean;
}

/** Known signatures: cluster ids, `/regex/flags` or glob patterns (`*`, `?`) over the title. */
export interface IgnoreList {
  ids: ReadonlySet<string>;
  titlePatterns: readonly TitleMatcher[];
}

const CLUSTER_ID = /^[0-9a-f]{6,40}$/;

export function parseIgnoreList(text: string, source = 'ignore list'): IgnoreList {
  const ids = new Set<string>();
  const titlePatterns: TitleMatcher[] = [];
  text.split(/\r?\n/).forEach((raw, index) => {
    const line = raw.replace(/(^|\s)#.*$/, '').trim();
    if (line === '') return;
    if (CLUSTER_ID.test(line)) ids.add(line);
    else titlePatterns.push(toPattern(line, `${source}:${index + 1}`));
  });
  return { ids, titlePatterns };
}

/** An ignore list is a few lines per known cluster; far past any real one. */
const MAX_IGNORE_FILE_BYTES = 16 * 1024 * 1024;

export async function loadIgnoreList(file: string, signal?: AbortSignal): Promise<IgnoreList> {
  const text = (await readInputFile(file, MAX_IGNORE_FILE_BYTES, 'ignore file', undefined, signal)).toString('utf8');
  return parseIgnoreList(text, file);
}

export function isKnown(cluster: Pick<SummaryCluster, 'id' | 'title'>, list: IgnoreList): boolean {
  return list.ids.has(cluster.id) || list.titlePatterns.some((re) => re.test(cluster.title));
}

function toPattern(line: string, where: string): TitleMatcher {
  const regex = /^\/(.*)\/([a-z]*)$/.exec(line);
  if (regex) {
    try {
      // g and y make test() resume from the last match (lastIndex): the answer would depend on the clusters before.
      return new RegExp(regex[1] ?? '', (regex[2] ?? '').replace(/[gy]/g, ''));
    } catch (err) {
      throw new InputError(where, `bad regular expression: ${(err as Error).message}`);
    }
  }
  // Not a regex: titles come from the log, and `.*` per star backtracks without bound on a crafted one.
  return { test: (title) => globMatch(line, title) };
}
