import { writeFileSync } from 'node:fs';

// Loaded with `node --import` when /usr/bin/time is missing: records the process's peak RSS (KiB) and its user and
// system CPU seconds (all threads) at exit, the line GNU time writes for `-f '%M %U %S'`.
const target = process.env.VMEMWARN_BENCH_RSS_FILE;
if (target) {
  process.on('exit', () => {
    const usage = process.resourceUsage();
    writeFileSync(target, `${usage.maxRSS} ${usage.userCPUTime / 1e6} ${usage.systemCPUTime / 1e6}\n`);
  });
}
