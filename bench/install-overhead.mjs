// Successful install: flask-helm-wizard vs bare `helm upgrade --install --wait`, and the
// CLI's peak RSS, on the e2e control plane with chart defaults (dev). Each round
// installs into fresh namespaces; medians over the rounds. Goals: ≤ 1.10× bare helm
// for the like-for-like install (`--no-verify`: preflight, values file, helm --wait;
// no helm test or /health probe, which bare helm does not do), ≤ 120 MB peak RSS. Needs `npm run build` and `npm run e2e:up`.
// Usage: node bench/install-overhead.mjs [rounds, default 3] [helm major, default 4]
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { execa } from 'execa';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const KUBECONFIG = path.join(ROOT, '.e2e', 'kubeconfig');
const KUBECTL = path.join(ROOT, '.cache', 'bin', 'kubectl135');
const CLI = process.env.FHW_E2E_CLI ?? path.join(ROOT, 'bin', 'flask-helm-wizard.js');
const ROUNDS = Number(process.argv[2] ?? 3);
const MAJOR = Number(process.argv[3] ?? 4);
const HELM = path.join(ROOT, '.cache', 'bin', `helm${MAJOR}`);
const kube = ['--kubeconfig', KUBECONFIG];
const cwd = mkdtempSync(path.join(tmpdir(), 'fhw-bench-install-'));
// Reports the CLI process's own peak RSS (not helm's or kubectl's) when it exits.
const rssFile = path.join(cwd, 'rss');
const hook = path.join(cwd, 'rss-hook.mjs');
writeFileSync(
  hook,
  `import { appendFileSync } from 'node:fs';\nprocess.on('exit', () => appendFileSync(${JSON.stringify(rssFile)}, process.resourceUsage().maxRSS + '\\n'));\n`,
);

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
let n = 0;
const ns = (what) => `bench-${what}-${process.pid}-${n++}`;

async function time(file, args, env = {}) {
  const t0 = performance.now();
  const r = await execa(file, args, { cwd, reject: false, stdin: 'ignore', env });
  if (r.exitCode !== 0)
    throw new Error(`${path.basename(file)} ${args.slice(0, 3).join(' ')} failed:\n${r.stdout}\n${r.stderr}`);
  return (performance.now() - t0) / 1000;
}

const chart = path.join(ROOT, 'flask-app');
const bare = [];
const cliNoVerify = [];
const cliFull = [];
const created = [];
for (let round = 0; round < ROUNDS; round++) {
  const a = ns('helm');
  created.push(a);
  bare.push(
    await time(HELM, [
      'upgrade',
      '--install',
      'flask-app',
      chart,
      '-n',
      a,
      '--create-namespace',
      '-f',
      path.join(chart, 'values-dev.yaml'),
      MAJOR === 4 ? '--wait=watcher' : '--wait',
      '--timeout',
      '5m',
      ...kube,
    ]),
  );
  const flags = ['--helm-binary', HELM, '--kubectl-binary', KUBECTL, ...kube];
  const b = ns('fhw');
  created.push(b);
  cliNoVerify.push(
    await time('node', [CLI, 'install', '-e', 'dev', '-n', b, '--yes', '--no-verify', ...flags], {
      NODE_OPTIONS: `--import=${hook}`,
    }),
  );
  const c = ns('fhwv');
  created.push(c);
  cliFull.push(
    await time('node', [CLI, 'install', '-e', 'dev', '-n', c, '--yes', ...flags], { NODE_OPTIONS: `--import=${hook}` }),
  );
}
const rss = readFileSync(rssFile, 'utf8').trim().split('\n').map(Number);
const m = median(bare);
console.log(`Helm ${MAJOR}, ${ROUNDS} rounds (median seconds):`);
console.log(`  bare helm upgrade --install --wait         ${m.toFixed(2)}`);
console.log(
  `  flask-helm-wizard install --no-verify      ${median(cliNoVerify).toFixed(2)}  (${(median(cliNoVerify) / m).toFixed(2)}×; the same work as bare helm, plus preflight)`,
);
console.log(
  `  flask-helm-wizard install (default)        ${median(cliFull).toFixed(2)}  (${(median(cliFull) / m).toFixed(2)}×; + helm test ∥ /health through a port-forward)`,
);
console.log(
  `  CLI peak RSS: max ${(Math.max(...rss) / 1024).toFixed(1)} MB, median ${(median(rss) / 1024).toFixed(1)} MB over ${rss.length} runs`,
);
for (const x of created) await execa(KUBECTL, [...kube, 'delete', 'namespace', x, '--wait=false'], { reject: false });
