#!/usr/bin/env node
// Regenerates the synthetic sample logs from the kernel formulas. Needs the built layout model:
//   npm run build && node samples/generate.mjs
import { writeFileSync } from 'node:fs';
import * as e3Populate from './scenarios/e3-48-4k-amdgpu-populate.mjs';
import * as e3TestHmm from './scenarios/e3-48-4k-test-hmm-populate-free.mjs';
import * as e4Oops from './scenarios/e4-48-4k-amdgpu-oops.mjs';
import * as e3Nouveau64k from './scenarios/e3-48-64k-nouveau.mjs';
import * as e3Seattle39 from './scenarios/e3-39-4k-seattle-test-hmm.mjs';
import * as plainBoot from './scenarios/plain-boot-unrelated-warning.mjs';
import * as e3StructPage80 from './scenarios/e3-48-4k-80-byte-struct-page.mjs';

const SCENARIOS = [e3Populate, e3TestHmm, e4Oops, e3Nouveau64k, e3Seattle39, plainBoot, e3StructPage80];

for (const s of SCENARIOS) {
  const out = new URL(`./logs/${s.file}`, import.meta.url);
  writeFileSync(out, s.build());
  console.log(`wrote samples/logs/${s.file}`);
}
