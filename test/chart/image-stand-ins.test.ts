// The e2e real-node lane runs PostgreSQL and Valkey stand-ins built from Debian
// packages (scripts/e2e/images/). This keeps them honest: whatever the subcharts'
// pod specs ask of the official images must be in the written contract, and the
// stand-ins' recipe must provide it.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { MAJORS, one, ROOT, render } from './helm.js';
import type { IStatefulSet } from './k8s.js';

interface Contract {
  standIn: string;
  container: string;
  uid: number;
  gid: number;
  ports: number[];
  dataDirectory: string;
  writablePaths: string[];
  imageEnv: string[];
  scriptEnv: string[];
  commands: string[];
  entrypoint: string;
  cmd: string;
}

const IMAGES = path.join(ROOT, 'scripts', 'e2e', 'images');
const CONTRACTS = JSON.parse(readFileSync(path.join(IMAGES, 'contract.json'), 'utf8')) as Record<
  'postgresql' | 'redis',
  Contract
>;
const RECIPE = readFileSync(path.join(IMAGES, 'build.sh'), 'utf8');
// Shell words that are not programs the image must ship.
// Where Debian ships the servers' own programs (pg_* all come with postgresql-17).
const DEBIAN_PACKAGE: Record<string, string> = { 'valkey-cli': 'valkey-tools', 'valkey-server': 'valkey-server' };
const SHELL_WORDS = new Set(['exec', 'printf', 'echo', 'test', '[']);

/** Programs a `sh -c` script runs: the first word of every command, pipeline stage and $( ). */
function programsOf(script: string): string[] {
  const out = new Set<string>();
  const withoutHeredocs = script.replace(/<<(\w+)\n[\s\S]*?\n\s*\1\s*(\n|$)/g, '\n');
  for (const segment of withoutHeredocs.split(/\$\(|\||&&|;|\n|\\\n/)) {
    const words = segment.trim().split(/\s+/).filter(Boolean);
    while (words.length > 0 && (/^\w+=/.test(words[0] ?? '') || words[0] === 'exec')) words.shift();
    const first = words[0];
    if (first && !SHELL_WORDS.has(first) && /^[a-z][\w.-]*$/.test(first)) out.add(first);
  }
  return [...out].sort();
}

function programsOfCommand(command: readonly string[] | undefined): string[] {
  if (!command || command.length === 0) return [];
  const [program, ...rest] = command;
  if (program === 'sh' && rest[0] === '-c') return ['sh', ...programsOf(rest[1] ?? '')];
  return [program ?? ''];
}

describe('programsOf (the script reader the contract check relies on)', () => {
  it('finds every program of pipelines, substitutions and exec, but no heredoc body or variable', () => {
    expect(
      programsOf('pw=$(printf x | sed -e s/a/b/)\nexec valkey-server - --port 1 <<EOF\nrequirepass x\nEOF\n'),
    ).toEqual(['sed', 'valkey-server']);
    expect(programsOf('valkey-cli -h 127.0.0.1 ping | grep -q PONG')).toEqual(['grep', 'valkey-cli']);
    expect(programsOf('exec pg_isready -h 127.0.0.1 -U "$POSTGRES_USER"')).toEqual(['pg_isready']);
  });
});

describe.each(MAJORS)('%s', (major) => {
  it.each(['postgresql', 'redis'] as const)(
    'the %s pod spec asks only for what the stand-in contract lists',
    async (name) => {
      const contract = CONTRACTS[name];
      const objs = await render(major, { values: { postgresql: { enabled: true }, redis: { enabled: true } } });
      const sts = one<IStatefulSet>(objs, 'StatefulSet', `web-${name}`);
      const pod = sts.spec?.template.spec;
      const c = pod?.containers.find((x) => x.name === contract.container);
      expect(c, `container ${contract.container}`).toBeDefined();
      expect(pod?.securityContext).toMatchObject({
        runAsUser: contract.uid,
        runAsGroup: contract.gid,
        fsGroup: contract.gid,
      });
      expect(c?.ports?.map((p) => p.containerPort)).toEqual(contract.ports);
      const envNames = (c?.env ?? []).map((e) => e.name);
      expect(envNames.filter((e) => !contract.imageEnv.includes(e) && !contract.scriptEnv.includes(e))).toEqual([]);
      // Read-only mounts (the Secret as files) need nothing of the image; every writable
      // one must be a path the image lets its user write.
      const mounts = (c?.volumeMounts ?? []).map((m) => m.mountPath);
      const writable = (c?.volumeMounts ?? []).filter((m) => m.readOnly !== true).map((m) => m.mountPath);
      expect(writable.filter((m) => !contract.writablePaths.includes(m))).toEqual([]);
      expect(mounts).toContain(contract.dataDirectory);
      // PGDATA may point below the data directory (a fresh volume's root has lost+found).
      const pgdata = c?.env?.find((e) => e.name === 'PGDATA')?.value;
      if (pgdata !== undefined) expect(pgdata.startsWith(contract.dataDirectory)).toBe(true);
      const programs = new Set<string>();
      for (const probe of [c?.startupProbe, c?.livenessProbe, c?.readinessProbe]) {
        for (const p of programsOfCommand(probe?.exec?.command)) programs.add(p);
      }
      for (const p of programsOfCommand(c?.command)) programs.add(p);
      expect(programs.size).toBeGreaterThan(0);
      expect([...programs].filter((p) => !contract.commands.includes(p))).toEqual([]);
      // The chart's own command replaces the image's only when the contract says it may.
      if (c?.command === undefined) expect(contract.entrypoint).not.toBe('');
    },
  );
});

describe('the stand-in recipe (scripts/e2e/images/build.sh) provides the contract', () => {
  it.each(['postgresql', 'redis'] as const)('%s: name, uid, port, data directory, entrypoint and command', (name) => {
    const contract = CONTRACTS[name];
    const [repo, tag] = contract.standIn.split(':');
    expect(RECIPE).toContain(`=${repo}:${tag}`);
    expect(RECIPE).toContain(`--port ${contract.ports[0]}/tcp`);
    expect(RECIPE).toContain(`uid_move ${name === 'postgresql' ? 'postgres' : 'valkey'} ${contract.uid})`);
    expect(RECIPE).toContain(`--cmd ${contract.cmd}`);
    if (contract.entrypoint) expect(RECIPE).toContain(`--entrypoint '["${contract.entrypoint}"]'`);
    if (name === 'postgresql') expect(RECIPE).toContain(`--env PGDATA=${contract.dataDirectory}`);
    else expect(RECIPE).toContain(`--workingdir ${contract.dataDirectory}`);
    for (const program of contract.commands.filter((p) => p.startsWith('pg_') || p.startsWith('valkey'))) {
      // Debian ships them in these packages; the recipe must install them.
      const pkg = DEBIAN_PACKAGE[program] ?? 'postgresql-17';
      expect(RECIPE).toContain(pkg);
    }
  });
});
