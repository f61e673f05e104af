import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { Ajv2020, type ValidateFunction } from 'ajv/dist/2020.js';
import { REPO_ROOT, SAMPLES } from './_spawn-cli.js';
import { runInProcess } from './_run-cli.js';

/** A schema of schema/ (`layout`, `explain`, …) and its validator, compiled strictly as validateReport compiles the report's. */
export function schemaValidator(name: string): { schema: { $id: string; $defs: Record<string, unknown> }; validate: ValidateFunction } {
  const schema = JSON.parse(readFileSync(path.join(REPO_ROOT, 'schema', `${name}.schema.json`), 'utf8')) as { $id: string; $defs: Record<string, unknown> };
  return { schema, validate: new Ajv2020({ allErrors: true, strict: true }).compile(schema) };
}

/** Every bundled sample log, by path. */
export const SAMPLE_LOGS: readonly string[] = readdirSync(SAMPLES)
  .filter((f) => f.endsWith('.log'))
  .sort()
  .map((f) => path.join(SAMPLES, f));

/**
 * `vmemwarn <command> ARGS --format json`, run in-process, checked against schema/<command>.schema.json: its exit
 * code, its JSON, the schema's complaints (none when valid), and the `$id` the schema should have for its version.
 */
export async function schemaCheckedRun(
  command: 'layout' | 'explain',
  args: readonly string[],
): Promise<{ code: number; body: Record<string, unknown[]>; problems: unknown[]; schemaId: string; idOfVersion: string }> {
  const { schema, validate } = schemaValidator(command);
  const run = await runInProcess([command, ...args, '--format', 'json']);
  const body = JSON.parse(run.stdout) as Record<string, unknown[]> & { schemaVersion: string };
  return {
    code: run.code,
    body,
    problems: validate(body) ? [] : (validate.errors ?? []),
    schemaId: schema.$id,
    idOfVersion: `urn:vmemwarn:${command}-schema:${body.schemaVersion}`,
  };
}
