/** Progress is for people watching a terminal: not in CI logs, not with --quiet, not when stderr is redirected. */
export function progressEnabled(env: { isTTY?: boolean; ci?: string; quiet?: boolean }): boolean {
  return !!env.isTTY && !env.quiet && (env.ci === undefined || env.ci === '' || env.ci === 'false' || env.ci === '0');
}
