/** Why a member name would be dangerous to use as a path (never done here; reported), or undefined. */
export function memberNameProblem(name: string): string | undefined {
  if (name === '') return 'empty member name';
  if (name.startsWith('/') || name.startsWith('\\') || /^[A-Za-z]:/.test(name)) return 'absolute member name';
  if (name.split(/[/\\]/).includes('..')) return 'member name climbs out of the archive (`..`)';
  if (name.includes('\0')) return 'member name contains NUL';
  return undefined;
}
