import { writeFileSync } from 'node:fs';

// Loaded with `node --import` when /usr/bin/time is missing: records the process's peak RSS (KiB) at exit.
const target = process.env.VMEMWARN_BENCH_RSS_FILE;
if (target) process.on('exit', () => writeFileSync(target, `${process.resourceUsage().maxRSS}\n`));
