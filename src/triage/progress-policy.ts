/**
 * Progress is for people watching a terminal: not in CI logs, not with --quiet, not when stderr is redirected. A
 * terminal that reports 0 columns (a pty with no size set, as under `script`) counts as none: ora divides by the width
 * to count the lines it clears, and wrote cursor-up sequences without end there.
 */
export function progressEnabled(env: { isTTY?: boolean; columns?: number; ci?: string; quiet?: boolean }): boolean {
  const sized = env.columns !== 0;
  return !!env.isTTY && sized && !env.quiet && (env.ci === undefined || env.ci === '' || env.ci === 'false' || env.ci === '0');
}
