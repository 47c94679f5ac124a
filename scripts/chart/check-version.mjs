#!/usr/bin/env node
// The chart's version-increment check, like chart-testing's
// `ct lint --check-version-increment`, but against the last *released* version:
// when flask-app/ differs from the newest `flask-app-X.Y.Z` tag reachable from HEAD
// (working tree included, so it fails before the commit too), Chart.yaml's `version:`
// must be higher than the tagged one and `artifacthub.io/changes` must say what changed.
//
//   node scripts/chart/check-version.mjs [--repo DIR] [--chart PATH] [--base REF]
//     --repo   the git work tree  [the current directory]
//     --chart  the chart folder inside it  [flask-app]
//     --base   compare with REF instead of the newest tag (e.g. origin/main)
//
// Baseline when there is no tag: a full clone without a `flask-app-*` tag has never
// released the chart, so any version is a valid first release (exit 0, said so). A
// shallow clone may just lack the tags, so it cannot tell: exit 3, with the command
// that fetches them. Exit 1: the check failed; 2: bad usage.
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { parse } from 'yaml';

function usage(message) {
  console.error(`check-version: ${message}\nusage: check-version.mjs [--repo DIR] [--chart PATH] [--base REF]`);
  process.exit(2);
}

const opts = { repo: process.cwd(), chart: 'flask-app', base: '' };
const argv = process.argv.slice(2);
for (let i = 0; i < argv.length; i += 2) {
  const name = argv[i]?.replace(/^--/, '');
  const value = argv[i + 1];
  if (!name || !(name in opts) || value === undefined) usage(`unknown or incomplete option ${argv[i]}`);
  opts[name] = value;
}

const git = (...args) => execFileSync('git', ['-C', opts.repo, ...args], { encoding: 'utf8' }).trim();
const tryGit = (...args) => {
  try {
    return git(...args);
  } catch {
    return undefined;
  }
};

const SEMVER = /^v?(\d+)\.(\d+)\.(\d+)(?:-([0-9A-Za-z.-]+))?(?:\+[0-9A-Za-z.-]+)?$/;
/** Semantic-versioning precedence (build metadata ignored); throws on a non-semver string. */
function compareVersions(a, b) {
  const [ma, mb] = [SEMVER.exec(a), SEMVER.exec(b)];
  if (!ma || !mb) throw new Error(`not a semantic version: ${ma ? b : a}`);
  for (let i = 1; i <= 3; i += 1) {
    const d = Number(ma[i]) - Number(mb[i]);
    if (d !== 0) return Math.sign(d);
  }
  const [pa, pb] = [ma[4], mb[4]];
  if (pa === pb) return 0;
  if (pa === undefined) return 1; // 1.0.0 > 1.0.0-rc.1
  if (pb === undefined) return -1;
  const [xa, xb] = [pa.split('.'), pb.split('.')];
  for (let i = 0; i < Math.max(xa.length, xb.length); i += 1) {
    const [ia, ib] = [xa[i], xb[i]];
    if (ia === undefined) return -1;
    if (ib === undefined) return 1;
    const [na, nb] = [/^\d+$/.test(ia), /^\d+$/.test(ib)];
    if (na && nb && Number(ia) !== Number(ib)) return Math.sign(Number(ia) - Number(ib));
    if (na !== nb) return na ? -1 : 1; // numeric identifiers sort before alphanumeric ones
    if (ia !== ib) return ia < ib ? -1 : 1;
  }
  return 0;
}

const chartFile = path.join(opts.repo, opts.chart, 'Chart.yaml');
if (!existsSync(chartFile)) usage(`no ${opts.chart}/Chart.yaml in ${opts.repo}`);
const head = parse(readFileSync(chartFile, 'utf8'));
const name = String(head.name);
const version = String(head.version);
if (!SEMVER.test(version)) {
  console.error(`check-version: ${opts.chart}/Chart.yaml version "${version}" is not a semantic version`);
  process.exit(1);
}

let base = opts.base;
if (!base) {
  const prefix = `${name}-`;
  const tags = git('tag', '--merged', 'HEAD', '--list', `${prefix}*`)
    .split('\n')
    .filter((t) => SEMVER.test(t.slice(prefix.length)))
    .sort((a, b) => compareVersions(b.slice(prefix.length), a.slice(prefix.length)));
  base = tags[0] ?? '';
  if (!base) {
    if (git('rev-parse', '--is-shallow-repository') === 'true') {
      console.error(
        `check-version: shallow clone and no ${prefix}* tag in it, so the last released version is unknown.\n` +
          '  Fetch history and tags (git fetch --unshallow --tags), or name a baseline with --base REF.',
      );
      process.exit(3);
    }
    console.log(`check-version: no ${prefix}X.Y.Z tag yet; ${version} will be the first release of ${name}`);
    process.exit(0);
  }
}
if (tryGit('rev-parse', '--verify', '--quiet', `${base}^{commit}`) === undefined) usage(`unknown --base ${base}`);

// Folders the chart's .helmignore leaves out of the package (e.g. ci/) need no bump.
const helmignore = path.join(opts.repo, opts.chart, '.helmignore');
const ignoredDirs = existsSync(helmignore)
  ? readFileSync(helmignore, 'utf8')
      .split('\n')
      .map((l) => l.trim())
      .filter((l) => /^[A-Za-z0-9_-][A-Za-z0-9._-]*\/$/.test(l))
  : [];
const spec = ['--', opts.chart, ...ignoredDirs.map((d) => `:(exclude)${opts.chart}/${d}`)];
const changed = [
  ...git('diff', '--name-only', base, ...spec).split('\n'),
  ...git('ls-files', '--others', '--exclude-standard', ...spec).split('\n'),
].filter((f) => f !== '');

const baseText = tryGit('show', `${base}:${opts.chart}/Chart.yaml`);
if (baseText === undefined) {
  console.log(`check-version: ${opts.chart} does not exist at ${base}; ${version} is its first version`);
  process.exit(0);
}
const old = parse(baseText);
const oldVersion = String(old.version);
if (changed.length === 0) {
  console.log(`check-version: ${opts.chart} unchanged since ${base} (version ${oldVersion})`);
  process.exit(0);
}
const listed = changed.slice(0, 5).join(', ') + (changed.length > 5 ? `, … (${changed.length} files)` : '');
if (compareVersions(version, oldVersion) <= 0) {
  console.error(
    `check-version: ${opts.chart} changed since ${base} (${listed}) but its version ${version} is not above ${oldVersion}.\n` +
      `  Bump version: in ${opts.chart}/Chart.yaml (and describe the change in artifacthub.io/changes).`,
  );
  process.exit(1);
}
const changes = (c) => String(c?.annotations?.['artifacthub.io/changes'] ?? '').trim();
if (changes(head) === '' || changes(head) === changes(old)) {
  console.error(
    `check-version: ${opts.chart} ${version} is new but artifacthub.io/changes in Chart.yaml still describes ${oldVersion}.\n` +
      '  List what this version changes there (Artifact Hub shows it as the changelog).',
  );
  process.exit(1);
}
console.log(`check-version: ${opts.chart} changed since ${base} and its version went ${oldVersion} → ${version}`);
