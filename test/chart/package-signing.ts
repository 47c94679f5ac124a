// Signing keys and packaging for the publishable-chart tests: throwaway GPG keys from
// scripts/chart/test-key.sh (in a temp dir, never ~/.gnupg) and scripts/chart/publish.sh.
import { execFile } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { type Major, ROOT, type RunResult, run } from './helm.js';

export const PUBLISH = path.join(ROOT, 'scripts', 'chart', 'publish.sh');
const TEST_KEY = path.join(ROOT, 'scripts', 'chart', 'test-key.sh');

export interface SigningKey {
  name: string;
  /** Legacy-format secret keyring (`helm package --sign --keyring`). */
  secring: string;
  /** Public keyring (`helm verify --keyring`). */
  pubring: string;
  passphraseFile: string;
}

export async function makeSigningKey(dir: string, name: string): Promise<SigningKey> {
  const res = await run('bash', [TEST_KEY, dir, name]);
  if (res.code !== 0) throw new Error(`test-key.sh failed: ${res.stderr}`);
  return {
    name: res.stdout.trim(),
    secring: path.join(dir, 'secring.gpg'),
    pubring: path.join(dir, 'pubring.gpg'),
    passphraseFile: path.join(dir, 'passphrase'),
  };
}

/**
 * publish.sh with one helm major; `extra` adds or overrides options (e.g. --push),
 * `input` is its stdin (the registry password), `env` adds to the environment
 * (e.g. a throwaway HELM_CONFIG_HOME for registry credentials).
 */
export function publish(
  major: Major,
  key: SigningKey,
  out: string,
  extra: readonly string[] = [],
  input?: string,
  env: Record<string, string> = {},
): Promise<RunResult> {
  const args = [PUBLISH, '--helm', path.join(ROOT, '.cache', 'bin', major), '--key', key.name];
  args.push('--keyring', key.secring, '--passphrase-file', key.passphraseFile, '--verify-keyring', key.pubring);
  args.push('--out', out, ...extra);
  return new Promise((resolve) => {
    const child = execFile('bash', args, { cwd: ROOT, env: { ...process.env, ...env } }, (error, stdout, stderr) => {
      resolve({ code: error ? (typeof error.code === 'number' ? error.code : 1) : 0, stdout, stderr });
    });
    child.stdin?.end(input ?? '');
  });
}

/** `version:` of flask-app/Chart.yaml, i.e. the archive's file name part. */
export function chartVersion(): string {
  const m = /^version:\s*"?([^"\s]+)"?\s*$/m.exec(readFileSync(path.join(ROOT, 'flask-app', 'Chart.yaml'), 'utf8'));
  if (!m?.[1]) throw new Error('flask-app/Chart.yaml has no version');
  return m[1];
}
