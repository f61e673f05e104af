#!/usr/bin/env node
// `npm run build` starts from an empty dist/: files a build no longer writes (a renamed or deleted module) would
// otherwise stay there and be packed (package.json `files` takes dist/ by directory).
import { rmSync } from 'node:fs';

rmSync(new URL('../dist', import.meta.url), { recursive: true, force: true });
