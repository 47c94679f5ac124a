// The pure parts of the CLI: argument parsing, the prompt/no-prompt switch, and the
// split of piped passwords. (The built CLI itself is exercised in the other files here.)
import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { answersFileLayer, flagLayer, missingProblem } from '../../../src/cli/inputs.js';
import { parseArgs } from '../../../src/cli/program.js';
import { splitPasswords } from '../../../src/cli/secrets-stdin.js';
import { UserError } from '../../../src/domain/errors.js';
import { chooseMode, isCI } from '../../../src/ui/mode.js';

const parse = (...argv: string[]) => {
  const r = parseArgs(argv, '1.2.3', () => undefined);
  if (r === 'done') throw new Error('help/version');
  return r;
};

describe('parseArgs', () => {
  it('defaults to install and reads every answer flag into the flag layer', () => {
    const r = parse(
      '-e',
      'prod',
      '-n',
      'shop',
      '--db-host',
      'pg',
      '--no-ingress',
      '--storage',
      '5Gi',
      '--no-monitoring',
    );
    expect(r.command).toBe('install');
    expect(flagLayer(r.options).values).toEqual({
      environment: 'prod',
      namespace: 'shop',
      'db-host': 'pg',
      ingress: false,
      storage: '5Gi',
      monitoring: false,
    });
  });

  it('options may follow the command; --set and -f repeat', () => {
    const r = parse('render', '--set', 'a=1', '--set', 'b=2', '-f', 'x.yaml', '-f', 'y.yaml', '--no-storage');
    expect(r.command).toBe('render');
    expect(r.options.set).toEqual(['a=1', 'b=2']);
    expect(r.options.values).toEqual(['x.yaml', 'y.yaml']);
    expect(r.options.storage).toBe(false);
    expect(r.options.timeout).toBe('5m');
  });

  it('leaves booleans unset unless given, so lower layers can answer them', () => {
    const r = parse('render');
    expect(r.options.ingress).toBeUndefined();
    expect(r.options.monitoring).toBeUndefined();
    expect(flagLayer(r.options).values).toEqual({});
  });

  it('--version and --help end parsing', () => {
    let printed = '';
    expect(parseArgs(['--version'], '1.2.3', (s) => (printed += s))).toBe('done');
    expect(printed.trim()).toBe('1.2.3');
  });

  it('usage errors are exit-2 UserErrors with a hint', () => {
    for (const argv of [['--bogus'], ['--namespace'], ['render', 'extra']]) {
      const e = (() => {
        try {
          parse(...argv);
        } catch (err) {
          return err;
        }
      })();
      expect(e).toBeInstanceOf(UserError);
      expect((e as UserError).exitCode).toBe(2);
      expect((e as UserError).problems[0]?.hint).not.toBe('');
    }
  });
});

describe('chooseMode', () => {
  const tty = { stdinIsTTY: true, stdoutIsTTY: true, env: {}, plain: false, json: false };
  it('a terminal on both ends gets the Ink wizard, or line prompts with --plain', () => {
    expect(chooseMode(tty)).toBe('ink');
    expect(chooseMode({ ...tty, plain: true })).toBe('plain');
  });
  it('no TTY on either end, CI, or --json never prompts', () => {
    expect(chooseMode({ ...tty, stdinIsTTY: false })).toBe('headless');
    expect(chooseMode({ ...tty, stdoutIsTTY: false })).toBe('headless');
    expect(chooseMode({ ...tty, env: { CI: 'true' } })).toBe('headless');
    expect(chooseMode({ ...tty, json: true })).toBe('headless');
  });
  it('CI=false or CI=0 means a person is there', () => {
    expect(isCI({ CI: 'false' })).toBe(false);
    expect(isCI({ CI: '0' })).toBe(false);
    expect(isCI({ CI: '1' })).toBe(true);
  });
});

describe('passwords on stdin', () => {
  it('one password: the whole input without its final newline', () => {
    expect(splitPasswords('p@ss word\n', { database: true, redis: false })).toEqual({ database: 'p@ss word' });
  });
  it('two passwords: database first, then Redis, one per line', () => {
    expect(splitPasswords('db-pw\nredis-pw\n', { database: true, redis: true })).toEqual({
      database: 'db-pw',
      redis: 'redis-pw',
    });
  });
  it('an empty stdin is a usage error that says how to pipe it', () => {
    expect(() => splitPasswords('', { database: false, redis: true })).toThrow(/stdin held no password/);
  });
});

describe('answers file and missing answers', () => {
  it('a list where a value belongs is an error', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'fhw-a-'));
    await writeFile(join(dir, 'a.yaml'), 'image: [a, b]\n');
    await expect(answersFileLayer(join(dir, 'a.yaml'))).rejects.toThrow(/must be a single value/);
  });
  it('names the flags to pass, and mentions --yes only when it helps', () => {
    expect(missingProblem(['image', 'host'], true).hint).toBe(
      'these have no default: pass --image --host (or put them in an --answers file)',
    );
    expect(missingProblem(['database'], false).hint).toMatch(/add --yes to take the defaults/);
  });
});

describe('finding the values file to remember', () => {
  it('the wizard reuses the newest override file of ours in the folder', async () => {
    const { discoverValuesFile } = await import('../../../src/cli/inputs.js');
    const { utimes } = await import('node:fs/promises');
    const dir = await mkdtemp(join(tmpdir(), 'fhw-d-'));
    const ours = '# flask-helm-wizard values override: release a, namespace b, environment dev.\nreplicaCount: 1\n';
    await writeFile(join(dir, 'old.dev-flask-app.values.yaml'), ours);
    await writeFile(join(dir, 'new.dev-flask-app.values.yaml'), ours);
    await writeFile(join(dir, 'someone.elses.values.yaml'), 'replicaCount: 9\n');
    await utimes(join(dir, 'old.dev-flask-app.values.yaml'), new Date(1000), new Date(1000));
    expect(await discoverValuesFile(dir)).toEqual({
      path: join(dir, 'new.dev-flask-app.values.yaml'),
      shown: './new.dev-flask-app.values.yaml',
    });
    expect(await discoverValuesFile(join(dir, 'missing'))).toBeUndefined();
  });
});
