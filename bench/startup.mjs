// Cold-start benchmark of the built CLI, side by side with another build in one run:
//   npm run build && node bench/startup.mjs [runs] [--against REF]...
// REF (default: the merge-base with main) is built once into .cache/bench-startup/<commit>/ from `git archive`
// (sharing this clone's .cache/bin, and its node_modules when the lockfile is the same), so "before" and "after" are timed
// on the same machine, interleaved sample by sample, under the same load.
// - `--help`: process start to exit.
// - first wizard frame: process start to the first frame of the Ink wizard, in a real
//   pseudo-terminal (util-linux `script`), with no cluster configured.
// Prints the median (and min/max) of each; targets: --help <= 100 ms, first frame <= 200 ms
// (the budget and the tricks that hold it: ARCHITECTURE.md, "Start-up").
// Run it on an otherwise idle machine (`nice -n -10` helps a little). Never under a
// real-time scheduler (chrt): the helm/kubectl probes are Go programs that spin at
// real-time priority and starve the whole machine.
import { execFileSync, spawn } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const REPO = join(import.meta.dirname, '..');
const args = process.argv.slice(2);
const RUNS = Number(args.find((a) => /^\d+$/.test(a)) ?? 15);
const refs = args.flatMap((a, i) => (a === '--against' && args[i + 1] ? [args[i + 1]] : []));
// Default: where this branch left main, i.e. today's build before this branch's changes.
if (refs.length === 0) {
  refs.push(execFileSync('git', ['merge-base', 'HEAD', 'main'], { cwd: REPO, encoding: 'utf8' }).trim());
}

/** Builds REF once (cached by commit) and returns its bin script. */
function buildOf(ref) {
  const git = (...a) => execFileSync('git', a, { cwd: REPO, encoding: 'utf8' }).trim();
  const sha = git('rev-parse', '--verify', `${ref}^{commit}`);
  const dir = join(REPO, '.cache/bench-startup', sha);
  const bin = join(dir, 'bin/flask-helm-wizard.js');
  if (!existsSync(join(dir, 'dist/cli.js'))) {
    rmSync(dir, { recursive: true, force: true });
    mkdirSync(join(dir, '.cache'), { recursive: true });
    execFileSync('sh', ['-c', `git archive ${sha} | tar -x -C '${dir}'`], { cwd: REPO });
    // The same lockfile: share this clone's node_modules; another one: its own install.
    const lock = (d) => readFileSync(join(d, 'package-lock.json'), 'utf8');
    if (lock(dir) === lock(REPO)) symlinkSync(join(REPO, 'node_modules'), join(dir, 'node_modules'));
    else execFileSync('npm', ['ci', '--no-audit', '--no-fund', '--prefer-offline'], { cwd: dir, stdio: 'inherit' });
    symlinkSync(join(REPO, '.cache/bin'), join(dir, '.cache/bin'));
    execFileSync(process.execPath, ['scripts/build.mjs'], { cwd: dir, stdio: 'inherit' });
  }
  return { label: `${ref} (${sha.slice(0, 8)})`, bin };
}

const builds = [...refs.map(buildOf), { label: 'this tree', bin: join(REPO, 'bin/flask-helm-wizard.js') }];
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

/** One sample per build in turn, so a burst of load on the machine hits every build alike. */
async function measure(label, command, done, extraEnv = {}, over = builds) {
  const cmds = over.map((b) => command(b.bin));
  for (const [cmd, a] of cmds) await timeUntil(cmd, a, done, extraEnv); // warm caches; not counted
  const samples = over.map(() => []);
  for (let i = 0; i < RUNS; i++) {
    for (const [j, [cmd, a]] of cmds.entries()) samples[j].push(await timeUntil(cmd, a, done, extraEnv));
  }
  console.log(label);
  for (const [j, b] of over.entries()) console.log(`  ${b.label.padEnd(36)} ${stats(samples[j])}`);
}

const node = (bin, ...a) => [process.execPath, [bin, ...a]];
// `script` gives the CLI a real pty; the first frame is the Preflight screen's title.
const inPty = (bin, ...a) => [
  'script',
  ['-qfec', [process.execPath, bin, ...a].map((x) => `'${x}'`).join(' '), '/dev/null'],
];
const noTools = { FHW_HELM: join(cwd, 'no-helm'), FHW_KUBECTL: join(cwd, 'no-kubectl') };

const machine = [{ label: 'this machine', bin: '' }];
await measure('node -e 0 (baseline)', () => [process.execPath, ['-e', '0']], 'exit', {}, machine);
await measure('flask-helm-wizard --help', (bin) => node(bin, '--help'), 'exit');
await measure('flask-helm-wizard --version', (bin) => node(bin, '--version'), 'exit');
await measure('first output (pty)', (bin) => inPty(bin, 'render'), 'flask-helm-wizard');
await measure('first wizard frame (pty)', (bin) => inPty(bin, 'render'), 'Before we start');
// The same without the helm/kubectl probes (binaries "not found" at once): the CLI's own share.
await measure('first wizard frame, no probes (pty)', (bin) => inPty(bin, 'render'), 'Before we start', noTools);
await measure(
  'script + node -e 0 (pty baseline)',
  () => ['script', ['-qfec', `'${process.execPath}' -e 0`, '/dev/null']],
  'exit',
  {},
  machine,
);
