export interface Palette {
  bold(s: string): string;
  dim(s: string): string;
  red(s: string): string;
  yellow(s: string): string;
}

const sgr = (open: number, close: number) => (s: string) => (s === '' ? s : `\x1b[${open}m${s}\x1b[${close}m`);
const plain = (s: string) => s;

const ANSI: Palette = {
  bold: sgr(1, 22),
  dim: sgr(2, 22),
  red: sgr(31, 39),
  yellow: sgr(33, 39),
};

const NONE: Palette = { bold: plain, dim: plain, red: plain, yellow: plain };

/** ANSI SGR styles when `enabled` (the CLI decides: stdout is a TTY and NO_COLOR is unset), identity otherwise. */
export function palette(enabled: boolean): Palette {
  return enabled ? ANSI : NONE;
}
