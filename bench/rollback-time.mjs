// Time-to-rollback, side by side in one run on the e2e control plane (chart defaults):
//   flask-helm-wizard upgrade … --set podAnnotations.e2e/fail=crashloop --yes
//   vs helm's own upgrade --atomic (Helm 3) / --rollback-on-failure (Helm 4) --timeout 5m
// for both majors. The four upgrades run at the same time, each in its own namespace.
// Goal: ours ≤ 20 s and ≥ 10× faster. Needs `npm run build` and `npm run e2e:up`.
// Usage: node bench/rollback-time.mjs [--timeout 5m]
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { execa } from 'execa';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const KUBECONFIG = path.join(ROOT, '.e2e', 'kubeconfig');
const KUBECTL = path.join(ROOT, '.cache', 'bin', 'kubectl135');
const CLI = process.env.FHW_E2E_CLI ?? path.join(ROOT, 'bin', 'flask-helm-wizard.js');
const timeoutArg = process.argv.indexOf('--timeout');
const TIMEOUT = timeoutArg > 0 ? process.argv[timeoutArg + 1] : '5m';
const helm = (major) => path.join(ROOT, '.cache', 'bin', `helm${major}`);
const tag = Math.random().toString(16).slice(2, 8);
const cwd = mkdtempSync(path.join(tmpdir(), 'fhw-bench-'));

const kube = ['--kubeconfig', KUBECONFIG];
const cliFlags = (major) => ['--helm-binary', helm(major), '--kubectl-binary', KUBECTL, ...kube];

async function timed(label, file, args) {
  const t0 = performance.now();
  const r = await execa(file, args, { cwd, reject: false, stdin: 'ignore' });
  const s = (performance.now() - t0) / 1000;
  return {
    label,
    seconds: s,
    exitCode: r.exitCode,
    last: `${r.stdout}\n${r.stderr}`.trim().split('\n').filter(Boolean).slice(-1)[0],
  };
}

async function prepare(ns, major) {
  await execa(KUBECTL, [...kube, 'create', 'namespace', ns]);
  const r = await execa('node', [CLI, 'install', '-e', 'dev', '-n', ns, '--yes', '--no-verify', ...cliFlags(major)], {
    cwd,
    reject: false,
    stdin: 'ignore',
  });
  if (r.exitCode !== 0) throw new Error(`install in ${ns} failed:\n${r.stdout}\n${r.stderr}`);
}

async function status(ns, major) {
  const r = await execa(helm(major), ['history', 'flask-app', '-n', ns, '-o', 'json', ...kube], { reject: false });
  const rows = JSON.parse(r.stdout || '[]');
  const top = rows[rows.length - 1];
  return top ? `${top.status} (${top.description})` : 'absent';
}

const runs = [];
for (const major of [3, 4]) {
  runs.push({ major, who: 'flask-helm-wizard', ns: `bench-fhw-h${major}-${tag}` });
  runs.push({
    major,
    who: major === 3 ? `helm3 --atomic --timeout ${TIMEOUT}` : `helm4 --rollback-on-failure --timeout ${TIMEOUT}`,
    ns: `bench-helm-h${major}-${tag}`,
  });
}
console.log(`preparing ${runs.length} releases (install dev)…`);
for (const r of runs) await prepare(r.ns, r.major);

console.log('upgrading all four into a crash loop at once…');
const results = await Promise.all(
  runs.map((r) => {
    const set = ['--set', 'podAnnotations.e2e/fail=crashloop'];
    if (r.who === 'flask-helm-wizard') {
      return timed(`${r.who} (Helm ${r.major})`, 'node', [
        CLI,
        'upgrade',
        '-e',
        'dev',
        '-n',
        r.ns,
        '--yes',
        ...set,
        ...cliFlags(r.major),
      ]);
    }
    const guard = r.major === 3 ? ['--atomic', '--wait'] : ['--rollback-on-failure', '--wait=watcher'];
    const chart = path.join(ROOT, 'flask-app');
    const values = ['-f', path.join(chart, 'values-dev.yaml'), '-f', path.join(cwd, `flask-app.${r.ns}.values.yaml`)];
    return timed(r.who, helm(r.major), [
      'upgrade',
      '--install',
      'flask-app',
      chart,
      '-n',
      r.ns,
      ...values,
      ...set,
      ...guard,
      '--timeout',
      TIMEOUT,
      ...kube,
    ]);
  }),
);

console.log('\n| upgrade into CrashLoopBackOff | exit | seconds to rolled back | release afterwards |');
console.log('| --- | --- | --- | --- |');
for (const [i, r] of results.entries()) {
  const run = runs[i];
  console.log(`| ${r.label} | ${r.exitCode} | ${r.seconds.toFixed(1)} | ${await status(run.ns, run.major)} |`);
}
for (const major of [3, 4]) {
  const ours = results.find((r) => r.label === `flask-helm-wizard (Helm ${major})`);
  const theirs = results[runs.findIndex((r) => r.major === major && r.who !== 'flask-helm-wizard')];
  console.log(
    `Helm ${major}: ${(theirs.seconds / ours.seconds).toFixed(1)}× faster (${ours.seconds.toFixed(1)} s vs ${theirs.seconds.toFixed(1)} s)`,
  );
}
for (const r of runs) await execa(KUBECTL, [...kube, 'delete', 'namespace', r.ns, '--wait=false'], { reject: false });
