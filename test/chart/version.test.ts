// The Chart.yaml version-increment check (scripts/chart/check-version.mjs): on this
// repository, and on throwaway git repositories holding a copy of flask-app/ where
// each case makes the history it needs (tags, changes, bumps, a shallow clone).
import { execFile } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { CHART, ROOT, type RunResult } from './helm.js';

const CHECK = path.join(ROOT, 'scripts', 'chart', 'check-version.mjs');
const work = mkdtempSync(path.join(tmpdir(), 'fhw-chart-version-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

// Commits need an author; the user's git configuration is never read.
const GIT_ENV = {
  ...process.env,
  GIT_CONFIG_GLOBAL: '/dev/null',
  GIT_CONFIG_NOSYSTEM: '1',
  GIT_AUTHOR_NAME: 'fhw test',
  GIT_AUTHOR_EMAIL: 'test@flask-helm-wizard.example',
  GIT_COMMITTER_NAME: 'fhw test',
  GIT_COMMITTER_EMAIL: 'test@flask-helm-wizard.example',
};

function exec(file: string, args: readonly string[], cwd: string): Promise<RunResult> {
  return new Promise((resolve) => {
    execFile(file, args, { cwd, env: GIT_ENV }, (error, stdout, stderr) => {
      resolve({ code: error ? (typeof error.code === 'number' ? error.code : 1) : 0, stdout, stderr });
    });
  });
}

async function git(repo: string, ...args: string[]): Promise<string> {
  const res = await exec('git', args, repo);
  if (res.code !== 0) throw new Error(`git ${args.join(' ')}: ${res.stderr}`);
  return res.stdout.trim();
}

const check = (repo: string, ...args: string[]) => exec('node', [CHECK, '--repo', repo, ...args], repo);

let fixtures = 0;
/** A repository whose first commit holds a copy of flask-app/ (version 0.1.0), optionally tagged. */
async function fixtureRepo(tag?: string): Promise<string> {
  fixtures += 1;
  const repo = path.join(work, `repo-${fixtures}`);
  cpSync(CHART, path.join(repo, 'flask-app'), { recursive: true });
  setChart(repo, (text) => text.replace(/^version: .*$/m, 'version: 0.1.0'));
  await git(repo, 'init', '-q', '-b', 'main');
  await commitAll(repo, 'chart 0.1.0');
  if (tag) await git(repo, 'tag', tag);
  return repo;
}

function setChart(repo: string, edit: (text: string) => string): void {
  const file = path.join(repo, 'flask-app', 'Chart.yaml');
  writeFileSync(file, edit(readFileSync(file, 'utf8')));
}
function bump(repo: string, version: string, change?: string): void {
  setChart(repo, (text) => {
    let out = text.replace(/^version: .*$/m, `version: ${version}`);
    if (change) {
      out = out.replace(
        /artifacthub\.io\/changes: \|\n(?: {4}.*\n)+/,
        `artifacthub.io/changes: |\n    - kind: changed\n      description: ${change}\n`,
      );
    }
    return out;
  });
}
function touchTemplate(repo: string): void {
  const file = path.join(repo, 'flask-app', 'templates', 'service.yaml');
  writeFileSync(file, `${readFileSync(file, 'utf8')}\n{{- /* a change */}}\n`);
}
async function commitAll(repo: string, message: string): Promise<void> {
  await git(repo, 'add', '-A');
  await git(repo, 'commit', '-q', '-m', message);
}

describe('this repository', () => {
  it('passes the version-increment check against its own last release', async () => {
    const res = await check(ROOT);
    expect(res.code, res.stderr).toBe(0);
    expect(res.stdout).toMatch(/^check-version: /);
  });
});

describe('check-version.mjs on fixture repositories', () => {
  it('passes when the chart is unchanged since its tag', async () => {
    const repo = await fixtureRepo('flask-app-0.1.0');
    const res = await check(repo);
    expect(res.code, res.stderr).toBe(0);
    expect(res.stdout).toContain('unchanged since flask-app-0.1.0');
  });

  it('fails when a template changed after the tag and version: stayed', async () => {
    const repo = await fixtureRepo('flask-app-0.1.0');
    touchTemplate(repo);
    await commitAll(repo, 'change a template');
    const res = await check(repo);
    expect(res.code).toBe(1);
    expect(res.stderr).toContain('flask-app/templates/service.yaml');
    expect(res.stderr).toContain('version 0.1.0 is not above 0.1.0');
  });

  it('fails on an uncommitted change too, and on a new untracked file', async () => {
    const repo = await fixtureRepo('flask-app-0.1.0');
    touchTemplate(repo);
    expect((await check(repo)).code).toBe(1);
    await git(repo, 'checkout', '--', '.');
    expect((await check(repo)).code).toBe(0);
    writeFileSync(path.join(repo, 'flask-app', 'templates', 'extra.yaml'), '# new\n');
    const res = await check(repo);
    expect(res.code).toBe(1);
    expect(res.stderr).toContain('flask-app/templates/extra.yaml');
  });

  it('fails when the version went down', async () => {
    const repo = await fixtureRepo('flask-app-0.1.0');
    touchTemplate(repo);
    bump(repo, '0.0.9', 'older');
    const res = await check(repo);
    expect(res.code).toBe(1);
    expect(res.stderr).toContain('0.0.9 is not above 0.1.0');
  });

  it('asks for artifacthub.io/changes when only the version was bumped, and passes once both are', async () => {
    const repo = await fixtureRepo('flask-app-0.1.0');
    touchTemplate(repo);
    bump(repo, '0.1.1');
    const stale = await check(repo);
    expect(stale.code).toBe(1);
    expect(stale.stderr).toContain('artifacthub.io/changes');
    bump(repo, '0.1.1', 'Service template tidied.');
    const ok = await check(repo);
    expect(ok.code, ok.stderr).toBe(0);
    expect(ok.stdout).toContain('0.1.0 → 0.1.1');
  });

  it('orders versions by semver: 0.10.0 is the newest tag, and a pre-release is below its release', async () => {
    const repo = await fixtureRepo('flask-app-0.2.0');
    bump(repo, '0.10.0', 'ten');
    await commitAll(repo, '0.10.0');
    await git(repo, 'tag', 'flask-app-0.10.0');
    touchTemplate(repo);
    bump(repo, '0.10.0-rc.1', 'rc');
    const rc = await check(repo);
    expect(rc.code).toBe(1);
    expect(rc.stderr).toContain('0.10.0-rc.1 is not above 0.10.0');
    bump(repo, '0.11.0-rc.1', 'rc');
    expect((await check(repo)).code).toBe(0);
  });

  it('needs no bump for files the package leaves out (.helmignore: ci/)', async () => {
    const repo = await fixtureRepo('flask-app-0.1.0');
    writeFileSync(path.join(repo, 'flask-app', 'ci', 'extra-values.yaml'), 'replicaCount: 2\n');
    const res = await check(repo);
    expect(res.code, res.stderr).toBe(0);
  });

  it('compares with --base when given (e.g. the target branch)', async () => {
    const repo = await fixtureRepo();
    touchTemplate(repo);
    await commitAll(repo, 'change');
    const res = await check(repo, '--base', 'HEAD~1');
    expect(res.code).toBe(1);
    expect(res.stderr).toContain('changed since HEAD~1');
  });

  it('without any tag in a full clone, the current version is the first release', async () => {
    const repo = await fixtureRepo();
    touchTemplate(repo);
    await commitAll(repo, 'change');
    const res = await check(repo);
    expect(res.code, res.stderr).toBe(0);
    expect(res.stdout).toContain('0.1.0 will be the first release');
  });

  it('in a shallow clone without the tag it cannot tell, and says how to fetch the tags', async () => {
    const origin = await fixtureRepo('flask-app-0.1.0');
    touchTemplate(origin);
    await commitAll(origin, 'change');
    const clone = path.join(work, 'shallow');
    await git(work, 'clone', '-q', '--depth', '1', '--no-tags', `file://${origin}`, clone);
    const res = await check(clone);
    expect(res.code).toBe(3);
    expect(res.stderr).toContain('git fetch --unshallow --tags');
    await git(clone, 'fetch', '-q', '--unshallow', '--tags');
    const full = await check(clone);
    expect(full.code).toBe(1);
    expect(full.stderr).toContain('changed since flask-app-0.1.0');
  });
});
