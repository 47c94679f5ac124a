// Cold-start benchmark of the built CLI (run by hand after `npm run build`):
//   node bench/startup.mjs [runs]
// - `--help`: process start to exit.
// - first wizard frame: process start to the first frame of the Ink wizard, in a real
//   pseudo-terminal (util-linux `script`), with no cluster configured.
// Prints the median (and min/max) of each; targets: --help ≤ 100 ms, first frame ≤ 200 ms.
// Run it on an otherwise idle machine (`nice -n -10` helps a little). Never under a
// real-time scheduler (chrt): the helm/kubectl probes are Go programs that spin at
// real-time priority and starve the whole machine.
import { spawn } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const REPO = join(import.meta.dirname, '..');
const BIN = join(REPO, 'bin/flask-helm-wizard.js');
const RUNS = Number(process.argv[2] ?? 15);
/** Quiet time between samples, for the children of the run before to be gone. */
const SETTLE_MS = 150;
const cwd = mkdtempSync(join(tmpdir(), 'fhw-bench-'));
const env = { ...process.env, KUBECONFIG: join(cwd, 'none'), TERM: 'xterm-256color', COLUMNS: '100', LINES: '40' };
delete env.CI;

function timeUntil(cmd, args, done, extraEnv = {}) {
  return new Promise((resolve, reject) => {
    const start = process.hrtime.bigint();
    const child = spawn(cmd, args, { cwd, env: { ...env, ...extraEnv }, stdio: ['pipe', 'pipe', 'ignore'] });
    let out = '';
    let settled = false;
    let elapsed = 0;
    const finish = () => {
      if (settled) return;
      settled = true;
      elapsed = Number(process.hrtime.bigint() - start) / 1e6;
      if (done === 'exit') return;
      // Leave the way a user would (Ctrl-C), and start the next sample only once this run
      // and its helm/kubectl probes are gone: overlapping runs measured each other.
      child.stdin.write('\x03');
      setTimeout(() => child.kill('SIGKILL'), 5000).unref();
    };
    child.stdout.on('data', (d) => {
      out += d.toString();
      if (done !== 'exit' && out.includes(done)) finish();
    });
    child.on('error', reject);
    child.on('exit', () => {
      if (done === 'exit') finish();
      if (!settled) reject(new Error(`exited before "${done}" appeared; output:\n${out}`));
      else setTimeout(() => resolve(elapsed), SETTLE_MS);
    });
  });
}

function stats(samples) {
  const s = [...samples].sort((a, b) => a - b);
  const median = s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
  return `median ${median.toFixed(0)} ms (min ${s[0].toFixed(0)}, max ${s.at(-1).toFixed(0)}, n=${s.length})`;
}

async function measure(label, cmd, args, done, extraEnv = {}) {
  await timeUntil(cmd, args, done, extraEnv); // warm the file-system cache; not counted
  const samples = [];
  for (let i = 0; i < RUNS; i++) samples.push(await timeUntil(cmd, args, done, extraEnv));
  console.log(`${label.padEnd(38)} ${stats(samples)}`);
}

await measure('node -e 0 (baseline)', process.execPath, ['-e', '0'], 'exit');
await measure('flask-helm-wizard --help', process.execPath, [BIN, '--help'], 'exit');
await measure('flask-helm-wizard --version', process.execPath, [BIN, '--version'], 'exit');
// `script` gives the CLI a real pty; the first frame is the Preflight screen's title.
const inPty = (args) => ['-qfec', [process.execPath, BIN, ...args].map((a) => `'${a}'`).join(' '), '/dev/null'];
await measure('first output (pty)', 'script', inPty(['render']), 'flask-helm-wizard');
await measure('first wizard frame (pty)', 'script', inPty(['render']), 'Before we start');
// The same without the helm/kubectl probes (binaries "not found" at once): the CLI's own share.
const noTools = { FHW_HELM: join(cwd, 'no-helm'), FHW_KUBECTL: join(cwd, 'no-kubectl') };
await measure('first wizard frame, no probes (pty)', 'script', inPty(['render']), 'Before we start', noTools);
await measure(
  'script + node -e 0 (pty baseline)',
  'script',
  ['-qfec', `'${process.execPath}' -e 0`, '/dev/null'],
  'exit',
);
