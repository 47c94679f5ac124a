import { describe, expect, it } from 'vitest';
import { type KubeconfigFile, kubeconfigPaths, resolveEndpoint } from '../../../src/kube/api/kubeconfig.js';

const cluster = (name: string, server: string, extra: Record<string, unknown> = {}) => ({
  name,
  cluster: { server, ...extra },
});
const context = (name: string, clusterName: string, user: string) => ({
  name,
  context: { cluster: clusterName, user },
});

const certUser = { name: 'admin', user: { 'client-certificate-data': 'Q0VSVA==', 'client-key-data': 'S0VZ' } };

function file(path: string, doc: Record<string, unknown>): KubeconfigFile {
  return { path, doc };
}

const main = file('/home/dev/.kube/config', {
  'current-context': 'dev',
  clusters: [cluster('dev-cluster', 'https://10.0.0.1:6443/', { 'certificate-authority-data': 'Q0E=' })],
  contexts: [context('dev', 'dev-cluster', 'admin')],
  users: [certUser],
});

describe('resolveEndpoint', () => {
  it('resolves the current context to its server, CA and client certificate', () => {
    const r = resolveEndpoint([main], undefined, {});
    expect(r).toMatchObject({
      ok: true,
      endpoint: {
        context: 'dev',
        cluster: 'dev-cluster',
        server: 'https://10.0.0.1:6443',
        ca: { data: 'Q0E=' },
        cert: { data: 'Q0VSVA==' },
        key: { data: 'S0VZ' },
        insecure: false,
      },
    });
    // The view carries no credentials (it is shown and parsed for local-cluster hints).
    expect(JSON.stringify(r.ok && r.endpoint.view)).not.toContain('Q0E=');
  });

  it('merges files the way kubectl does: the first file to name an entry or a current context wins', () => {
    const second = file('/etc/kube/other.yaml', {
      'current-context': 'other',
      clusters: [cluster('dev-cluster', 'https://shadowed:6443'), cluster('prod-cluster', 'https://prod:6443')],
      contexts: [context('prod', 'prod-cluster', 'robot')],
      users: [{ name: 'robot', user: { tokenFile: 'robot.token' } }],
    });
    expect(resolveEndpoint([main, second], undefined, {})).toMatchObject({
      ok: true,
      endpoint: { server: 'https://10.0.0.1:6443' },
    });
    // --kube-context picks a context from any file; relative paths follow the file that holds them.
    expect(resolveEndpoint([main, second], 'prod', {})).toMatchObject({
      ok: true,
      endpoint: { context: 'prod', server: 'https://prod:6443', token: { file: '/etc/kube/robot.token' } },
    });
  });

  it('prefers an inline token to a token file, and reads certificate files relative to the kubeconfig', () => {
    const f = file('/srv/kc/config', {
      'current-context': 'c',
      clusters: [cluster('k', 'https://k:443', { 'certificate-authority': 'ca.crt', 'tls-server-name': 'api.k' })],
      contexts: [context('c', 'k', 'u')],
      users: [{ name: 'u', user: { token: 'abc', tokenFile: '/t' } }],
    });
    expect(resolveEndpoint([f], undefined, {})).toMatchObject({
      ok: true,
      endpoint: { ca: { file: '/srv/kc/ca.crt' }, token: { value: 'abc' }, tlsServerName: 'api.k' },
    });
  });

  it.each([
    [
      'an exec plugin that needs a terminal',
      { exec: { apiVersion: 'client.authentication.k8s.io/v1', command: 'login', interactiveMode: 'Always' } },
      'user credentials use an exec plugin that needs a terminal',
    ],
    [
      'an exec plugin of an unknown protocol version',
      { exec: { apiVersion: 'client.authentication.k8s.io/v1alpha1', command: 'x' } },
      'user credentials use exec plugin apiVersion "client.authentication.k8s.io/v1alpha1"',
    ],
    ['an auth provider', { 'auth-provider': { name: 'oidc' } }, 'user credentials use "auth-provider"'],
    ['basic auth', { username: 'u', password: 'p' }, 'user credentials use "username"'],
    ['impersonation', { token: 't', as: 'someone' }, 'user credentials use "as"'],
    ['a certificate without its key', { 'client-certificate-data': 'Q0VSVA==' }, 'client certificate without key'],
  ])('leaves %s to kubectl', (_what, user, reason) => {
    const f = file('/k', { ...(main.doc as object), users: [{ name: 'admin', user }] });
    expect(resolveEndpoint([f], undefined, {})).toEqual({ ok: false, reason });
  });

  it('takes an exec credential plugin: command (relative paths from the kubeconfig), args, env', () => {
    const user = {
      exec: {
        apiVersion: 'client.authentication.k8s.io/v1beta1',
        command: './bin/get-token',
        args: ['--cluster', 'dev'],
        env: [{ name: 'AWS_PROFILE', value: 'dev' }],
        provideClusterInfo: true,
        interactiveMode: 'IfAvailable',
      },
    };
    const f = file('/home/dev/.kube/config', { ...(main.doc as object), users: [{ name: 'admin', user }] });
    expect(resolveEndpoint([f], undefined, {})).toMatchObject({
      ok: true,
      endpoint: {
        exec: {
          apiVersion: 'client.authentication.k8s.io/v1beta1',
          command: '/home/dev/.kube/./bin/get-token',
          args: ['--cluster', 'dev'],
          env: { AWS_PROFILE: 'dev' },
          provideClusterInfo: true,
        },
      },
    });
    const onPath = file('/k', {
      ...(main.doc as object),
      users: [{ name: 'admin', user: { exec: { apiVersion: 'client.authentication.k8s.io/v1', command: 'aws' } } }],
    });
    expect(resolveEndpoint([onPath], undefined, {})).toMatchObject({
      ok: true,
      endpoint: { exec: { command: 'aws' } },
    });
  });

  it('leaves proxies, plain http and unknown contexts to kubectl', () => {
    const viaProxy = file('/k', {
      ...(main.doc as object),
      clusters: [cluster('dev-cluster', 'https://10.0.0.1:6443', { 'proxy-url': 'http://proxy:3128' })],
    });
    expect(resolveEndpoint([viaProxy], undefined, {})).toMatchObject({ ok: false });
    expect(resolveEndpoint([main], undefined, { HTTPS_PROXY: 'http://proxy:3128' })).toMatchObject({ ok: false });
    expect(
      resolveEndpoint([main], undefined, { HTTPS_PROXY: 'http://proxy:3128', NO_PROXY: '10.0.0.1' }),
    ).toMatchObject({
      ok: true,
    });
    const plain = file('/k', { ...(main.doc as object), clusters: [cluster('dev-cluster', 'http://10.0.0.1:8080')] });
    expect(resolveEndpoint([plain], undefined, {})).toEqual({ ok: false, reason: 'server is not an https:// URL' });
    expect(resolveEndpoint([main], 'nope', {})).toEqual({ ok: false, reason: 'context nope not found' });
    expect(resolveEndpoint([], undefined, {})).toEqual({ ok: false, reason: 'no current context' });
  });

  it('never proxies a loopback server (as Go does)', () => {
    const local = file('/k', {
      ...(main.doc as object),
      clusters: [cluster('dev-cluster', 'https://127.0.0.1:16443')],
    });
    expect(resolveEndpoint([local], undefined, { https_proxy: 'http://proxy:3128' })).toMatchObject({ ok: true });
  });
});

describe('kubeconfigPaths', () => {
  it('takes --kubeconfig, else $KUBECONFIG (in order, once each), else ~/.kube/config', () => {
    expect(kubeconfigPaths('/x', { KUBECONFIG: '/a:/b' }, '/home/d')).toEqual(['/x']);
    expect(kubeconfigPaths(undefined, { KUBECONFIG: '/a::/b:/a' }, '/home/d')).toEqual(['/a', '/b']);
    expect(kubeconfigPaths(undefined, {}, '/home/d')).toEqual(['/home/d/.kube/config']);
  });
});
