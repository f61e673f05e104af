import { PastedIndent } from '../../src/parse/pasted-indent.js';

const strip = (lines: readonly string[]): string[] => {
  const indent = new PastedIndent();
  return lines.map((l) => indent.strip(l));
};

describe('PastedIndent', () => {
  // A real mail audit: 7 of the 9 reports missed in 49 mailed logs were pasted like this (1-5 blanks, a tab).
  test.each(['  ', '     ', '\t'])('an indent %j learned on a header comes off the lines after it', (pad) => {
    expect(strip([
      'Some prose before.',
      `${pad}WARNING: CPU: 1 PID: 7 at mm/foo.c:10 foo_bar+0x10/0x20`,
      `${pad}CPU: 1 PID: 7 Comm: kworker/1:0 Not tainted 6.6.0 #1`,
      `${pad}Call trace:`,
      `${pad} foo_bar+0x10/0x20`,
      '',
      `${pad}---[ end trace 0000000000000000 ]---`,
    ])).toEqual([
      'Some prose before.',
      'WARNING: CPU: 1 PID: 7 at mm/foo.c:10 foo_bar+0x10/0x20',
      'CPU: 1 PID: 7 Comm: kworker/1:0 Not tainted 6.6.0 #1',
      'Call trace:',
      ' foo_bar+0x10/0x20',
      '',
      '---[ end trace 0000000000000000 ]---',
    ]);
  });

  test('an opener teaches it too; a line without it ends it', () => {
    expect(strip(['   ------------[ cut here ]------------', '   WARNING: CPU: 0 PID: 1 at a.c:1 f+0x1/0x2', 'Back to prose.', '   indented prose'])).toEqual([
      '------------[ cut here ]------------', 'WARNING: CPU: 0 PID: 1 at a.c:1 f+0x1/0x2', 'Back to prose.', '   indented prose',
    ]);
  });

  test('frames and other indented lines teach nothing: a stamped log keeps its frames as they are', () => {
    expect(strip([' vmemmap_populate+0x44/0x194', ' ? foo+0x1/0x2', '  node   0: [mem 0x80000000-0xffffffff]', ' [<ffff000008081234>] bar+0x1/0x2'])).toEqual([
      ' vmemmap_populate+0x44/0x194', ' ? foo+0x1/0x2', '  node   0: [mem 0x80000000-0xffffffff]', ' [<ffff000008081234>] bar+0x1/0x2',
    ]);
  });

  // A Raspberry Pi 5 Oops in a dri-devel patch (2025): the header stamped at the margin, the rest indented by the
  // commit message; the release in the CPU line (6.12, the E4 layout) had not been read.
  test('a report\'s CPU line teaches it too', () => {
    expect(strip([' \t       CPU: 0 UID: 1000 PID: 1497409 Comm: mpv Not tainted 6.12.37 #1', ' \t       pc : v3d_job_update_stats+0x64/0x168 [v3d]', '\t\t v3d_irq+0x118/0x2e0 [v3d]'])).toEqual([
      'CPU: 0 UID: 1000 PID: 1497409 Comm: mpv Not tainted 6.12.37 #1', 'pc : v3d_job_update_stats+0x64/0x168 [v3d]', '\t\t v3d_irq+0x118/0x2e0 [v3d]',
    ]);
    expect(strip(['   CPU 0 is now offline', '   more'])).toEqual(['   CPU 0 is now offline', '   more']);
  });
});
