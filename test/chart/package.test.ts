// The publishable chart, on real Helm 3 and Helm 4: scripts/chart/publish.sh packages
// flask-app/ and signs it with a throwaway GPG key (a .prov beside the .tgz); `helm
// verify` accepts that archive and refuses one changed after signing, a provenance
// from another key, and an archive without provenance.
import { createHash } from 'node:crypto';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { helm, MAJORS, run } from './helm.js';
import { chartVersion, makeSigningKey, publish, type SigningKey } from './package-signing.js';

const work = mkdtempSync(path.join(tmpdir(), 'fhw-chart-package-'));
const version = chartVersion();
let key: SigningKey;
let stranger: SigningKey;

beforeAll(async () => {
  [key, stranger] = await Promise.all([
    makeSigningKey(path.join(work, 'key'), 'flask-helm-wizard test publisher'),
    makeSigningKey(path.join(work, 'stranger'), 'someone else'),
  ]);
});
afterAll(() => rmSync(work, { recursive: true, force: true }));

const sha256 = (file: string) => createHash('sha256').update(readFileSync(file)).digest('hex');

/** Unpacks an archive, lets `edit` change the chart folder, and packs it again at `dest`. */
async function repack(src: string, dest: string, edit: (chartDir: string) => void): Promise<void> {
  const dir = mkdtempSync(path.join(work, 'tamper-'));
  expect((await run('tar', ['-xzf', src, '-C', dir])).code).toBe(0);
  edit(path.join(dir, 'flask-app'));
  expect((await run('tar', ['-czf', dest, '-C', dir, 'flask-app'])).code).toBe(0);
}

describe.each(MAJORS)('%s', (major) => {
  const out = path.join(work, major);
  const tgz = path.join(out, `flask-app-${version}.tgz`);

  it('publish.sh packages, signs and verifies the chart; helm verify passes on the archive', async () => {
    const res = await publish(major, key, out);
    expect(res.code, res.stderr).toBe(0);
    expect(res.stdout).toContain(`packaged ${tgz}`);
    expect(res.stdout).toContain(`provenance ${tgz}.prov`);
    const passphrase = readFileSync(key.passphraseFile, 'utf8').trim();
    expect(res.stdout + res.stderr).not.toContain(passphrase);

    // The provenance names this very archive by its digest, and the signer is our key.
    const prov = readFileSync(`${tgz}.prov`, 'utf8');
    expect(prov).toContain('-----BEGIN PGP SIGNED MESSAGE-----');
    expect(prov).toContain(`flask-app-${version}.tgz: sha256:${sha256(tgz)}`);
    const verify = await helm(major, ['verify', '--keyring', key.pubring, tgz]);
    expect(verify.code, verify.stderr).toBe(0);
    expect(verify.stdout).toContain(`Signed by: ${key.name}`);
    expect(verify.stdout).toContain(`Chart Hash Verified: sha256:${sha256(tgz)}`);
  });

  it('helm verify fails on an archive whose chart was changed after signing', async () => {
    const tampered = path.join(work, `${major}-tampered`, path.basename(tgz));
    mkdirSync(path.dirname(tampered), { recursive: true });
    copyFileSync(`${tgz}.prov`, `${tampered}.prov`);
    await repack(tgz, tampered, (chart) => {
      const values = path.join(chart, 'values.yaml');
      writeFileSync(values, readFileSync(values, 'utf8').replace(/^replicaCount: \d+/m, 'replicaCount: 9'));
    });
    // Still a valid chart, only no longer the signed one.
    const show = await helm(major, ['show', 'values', tampered]);
    expect(show.stdout).toMatch(/^replicaCount: 9$/m);
    const verify = await helm(major, ['verify', '--keyring', key.pubring, tampered]);
    expect(verify.code).not.toBe(0);
    expect(verify.stderr).toMatch(/sha256 sum does not match/);
  });

  it('helm verify fails on an archive with one byte appended', async () => {
    const tampered = path.join(work, `${major}-byte`, path.basename(tgz));
    mkdirSync(path.dirname(tampered), { recursive: true });
    copyFileSync(`${tgz}.prov`, `${tampered}.prov`);
    writeFileSync(tampered, Buffer.concat([readFileSync(tgz), Buffer.from([0])]));
    const verify = await helm(major, ['verify', '--keyring', key.pubring, tampered]);
    expect(verify.code).not.toBe(0);
    expect(verify.stderr).toMatch(/sha256 sum does not match/);
  });

  it('helm verify fails against a keyring that does not hold the signer', async () => {
    const verify = await helm(major, ['verify', '--keyring', stranger.pubring, tgz]);
    expect(verify.code).not.toBe(0);
    expect(verify.stderr).toMatch(/signature made by unknown entity/);
  });

  it('helm verify fails on an archive without its provenance file', async () => {
    const bare = path.join(work, `${major}-bare`, path.basename(tgz));
    mkdirSync(path.dirname(bare), { recursive: true });
    copyFileSync(tgz, bare);
    const verify = await helm(major, ['verify', '--keyring', key.pubring, bare]);
    expect(verify.code).not.toBe(0);
    expect(existsSync(`${bare}.prov`)).toBe(false);
  });

  it('publish.sh stops at signing with a wrong passphrase and leaves no archive', async () => {
    const wrong = path.join(work, `${major}-wrong-passphrase`);
    writeFileSync(wrong, 'not the passphrase\n', { mode: 0o600 });
    const dest = path.join(work, `${major}-wrong`);
    const res = await publish(major, key, dest, ['--passphrase-file', wrong]);
    expect(res.code).not.toBe(0);
    expect(res.stderr).toMatch(/private key checksum failure/);
    expect(existsSync(path.join(dest, `flask-app-${version}.tgz.prov`))).toBe(false);
    expect(res.stdout).not.toContain('packaged');
  });
});
