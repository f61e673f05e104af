import stringWidth from 'string-width';

/**
 * The lines of a text report wider than `width`, but for those the report may not break: a line that holds a single
 * word after its indent, its example gutter (`  123 | `, `      : `) or its bullet (a word longer than the width is
 * never cut: an address, a symbol or a path cut in two could not be searched for), and the heading that names an
 * input (`== name ==`, the name a reader copies).
 */
export function linesOverWidth(text: string, width: number): string[] {
  return text.split('\n').filter((line) => {
    if (stringWidth(line) <= width || /^== .* ==$/.test(line)) return false;
    const content = line.replace(/^ *(?:\d+ \| |: |\d+\. |- )?/, '');
    return /\S\s+\S/.test(content.trim());
  });
}
