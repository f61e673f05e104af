import yargs, { type Argv } from 'yargs';
import { skipHelpCache } from '../../src/cli/skip-help-cache.js';

interface Internals {
  getInternalMethods(): { getUsageInstance(): { hasCachedHelpMessage(): boolean } };
}

function parserRunning(handled: string[]): Argv {
  return yargs(['analyze', 'a.log'])
    .command('analyze [files..]', 'analyse', (y) => y.option('format', { choices: ['text', 'json'], default: 'text' }), (argv) => {
      handled.push(String(argv['files']));
    })
    .exitProcess(false);
}

const helpCached = (parser: Argv): boolean => (parser as unknown as Internals).getInternalMethods().getUsageInstance().hasCachedHelpMessage();

test('yargs renders the command help in advance when it runs a handler, and not after skipHelpCache', async () => {
  const handled: string[] = [];
  const plain = parserRunning(handled);
  await plain.parseAsync();
  expect(helpCached(plain)).toBe(true);

  const skipping = parserRunning(handled);
  skipHelpCache(skipping);
  await skipping.parseAsync();
  expect(helpCached(skipping)).toBe(false);
  expect(handled).toEqual(['a.log', 'a.log']);
});

test('--help still renders the help text', async () => {
  const parser = yargs().command('analyze [files..]', 'analyse the logs', () => {}, () => {}).exitProcess(false);
  skipHelpCache(parser);
  let shown = '';
  await parser.parseAsync(['analyze', '--help'], {}, (_err, _argv, output) => {
    shown = output;
  });
  expect(shown).toContain('analyse the logs');
});

test('a parser without the internal methods is left alone', () => {
  expect(() => skipHelpCache({} as Argv)).not.toThrow();
});
