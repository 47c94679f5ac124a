import { describe, expect, it } from 'vitest';
import {
  helmGetValues,
  helmHistory,
  helmRollback,
  helmStatus,
  helmTemplate,
  helmTest,
  helmUninstall,
  helmUpgradeDryRun,
  helmUpgradeInstall,
  valuesArgs,
} from '../../../../src/kube/helm/args.js';
import type { HelmBin } from '../../../../src/kube/helm/version.js';

const helm3: HelmBin = { path: '/bin/helm3', major: 3, version: 'v3.17.3' };
const helm4: HelmBin = { path: '/bin/helm4', major: 4, version: 'v4.1.4' };
const target = { namespace: 'dev-flask-app' };
const values = { envValuesFile: 'flask-app/values-dev.yaml', overrideFile: 'flask-app.dev-flask-app.values.yaml' };
const upgrade = { release: 'flask-app', chartDir: 'flask-app', values, timeout: '5m0s', createNamespace: true };

describe('values layering', () => {
  it('puts the environment file first, then the override, then pass-through -f, then --set', () => {
    expect(
      valuesArgs({ ...values, extraFiles: ['extra.yaml'], sets: ['podAnnotations.e2e/fail=crashloop', 'a=b'] }),
    ).toEqual([
      '-f',
      'flask-app/values-dev.yaml',
      '-f',
      'flask-app.dev-flask-app.values.yaml',
      '-f',
      'extra.yaml',
      '--set',
      'podAnnotations.e2e/fail=crashloop',
      '--set',
      'a=b',
    ]);
  });
  it('leaves the override out when there is none', () => {
    expect(valuesArgs({ envValuesFile: 'v.yaml' })).toEqual(['-f', 'v.yaml']);
  });
});

describe('upgrade --install: Helm 3 vs Helm 4', () => {
  it('Helm 3 rolls back with --atomic and waits with a boolean --wait', () => {
    const { cmd, args } = helmUpgradeInstall(helm3, target, upgrade);
    expect(cmd).toBe('/bin/helm3');
    expect(args).toContain('--atomic');
    expect(args).toContain('--wait');
    expect(args).not.toContain('--rollback-on-failure');
    expect(args.some((a) => a.startsWith('--wait='))).toBe(false);
  });
  it('Helm 4 rolls back with --rollback-on-failure (no --atomic) and waits with the watcher strategy', () => {
    const { args } = helmUpgradeInstall(helm4, target, upgrade);
    expect(args).toContain('--rollback-on-failure');
    expect(args).toContain('--wait=watcher');
    expect(args).not.toContain('--atomic');
    expect(args).not.toContain('--wait');
  });
  it('shares everything else: release, chart, namespace, values, timeout', () => {
    const { args } = helmUpgradeInstall(helm4, { ...target, kubeContext: 'kind', kubeconfig: '/k' }, upgrade);
    expect(args.slice(0, 4)).toEqual(['upgrade', '--install', 'flask-app', 'flask-app']);
    expect(args.join(' ')).toContain(
      '--namespace dev-flask-app --kube-context kind --kubeconfig /k --create-namespace',
    );
    expect(args.join(' ')).toContain('-f flask-app/values-dev.yaml -f flask-app.dev-flask-app.values.yaml');
    expect(args.slice(-2)).toEqual(['--timeout', '5m0s']);
  });
  it('does not create the namespace unless asked', () => {
    expect(helmUpgradeInstall(helm3, target, { ...upgrade, createNamespace: false }).args).not.toContain(
      '--create-namespace',
    );
  });
});

describe('other commands', () => {
  it('the diff render is a server-side dry run as JSON, without waiting or rollback flags', () => {
    for (const helm of [helm3, helm4]) {
      const { args } = helmUpgradeDryRun(helm, target, upgrade);
      expect(args).toContain('--dry-run=server');
      expect(args.join(' ')).toContain('--output json');
      expect(args).not.toContain('--install');
      expect(args.filter((a) => /atomic|rollback|wait/.test(a))).toEqual([]);
    }
  });
  it('rollback waits: boolean on Helm 3, watcher on Helm 4; revision optional', () => {
    expect(helmRollback(helm3, target, { release: 'r', revision: 2, timeout: '1m' }).args).toEqual([
      'rollback',
      'r',
      '2',
      '--namespace',
      'dev-flask-app',
      '--wait',
      '--timeout',
      '1m',
    ]);
    expect(helmRollback(helm4, target, { release: 'r', timeout: '1m' }).args).toEqual([
      'rollback',
      'r',
      '--namespace',
      'dev-flask-app',
      '--wait=watcher',
      '--timeout',
      '1m',
    ]);
  });
  it('uninstall waits for deletion on both majors, with each one’s wait syntax', () => {
    expect(helmUninstall(helm3, target, { release: 'r', timeout: '2m' }).args).toContain('--wait');
    expect(helmUninstall(helm4, target, { release: 'r', timeout: '2m' }).args).toContain('--wait=watcher');
  });
  it('test: --hide-notes only exists on Helm 3', () => {
    expect(helmTest(helm3, target, { release: 'r', timeout: '2m' }).args).toContain('--hide-notes');
    expect(helmTest(helm4, target, { release: 'r', timeout: '2m' }).args).not.toContain('--hide-notes');
    expect(helmTest(helm4, target, { release: 'r', timeout: '2m' }).args).not.toContain('--logs');
  });
  it('status, history and get values ask for JSON', () => {
    expect(helmStatus(helm4, target, { release: 'r' }).args).toEqual([
      'status',
      'r',
      '--namespace',
      'dev-flask-app',
      '--output',
      'json',
    ]);
    expect(helmHistory(helm3, target, { release: 'r', max: 5 }).args.join(' ')).toBe(
      'history r --namespace dev-flask-app --output json --max 5',
    );
    expect(helmGetValues(helm3, target, { release: 'r', revision: 3 }).args.join(' ')).toBe(
      'get values r --namespace dev-flask-app --output json --revision 3',
    );
  });
  it('template renders into an output directory without any cluster flags', () => {
    const { args } = helmTemplate(helm4, {
      release: 'flask-app',
      namespace: 'dev-flask-app',
      chartDir: 'flask-app',
      values,
      outputDir: 'out/m',
    });
    expect(args.join(' ')).toBe(
      'template flask-app flask-app --namespace dev-flask-app -f flask-app/values-dev.yaml -f flask-app.dev-flask-app.values.yaml --output-dir out/m',
    );
  });
});
