import { describe, expect, it } from 'vitest';
import { execInfo, parseExecCredential } from '../../../src/kube/api/exec-credential.js';

const V1 = 'client.authentication.k8s.io/v1';
const plugin = { apiVersion: V1, command: 'x', args: [], env: {}, provideClusterInfo: false };

describe('parseExecCredential', () => {
  it('reads a token or a client certificate', () => {
    const token = JSON.stringify({ apiVersion: V1, kind: 'ExecCredential', status: { token: 't0k' } });
    expect(parseExecCredential(token, V1)).toEqual({ ok: true, token: 't0k' });
    const cert = JSON.stringify({
      apiVersion: V1,
      kind: 'ExecCredential',
      status: { clientCertificateData: '-----BEGIN CERTIFICATE-----', clientKeyData: '-----BEGIN KEY-----' },
    });
    expect(parseExecCredential(cert, V1)).toEqual({
      ok: true,
      cert: '-----BEGIN CERTIFICATE-----',
      key: '-----BEGIN KEY-----',
    });
  });

  it('refuses output that is not an ExecCredential of the asked version, or carries nothing usable', () => {
    expect(parseExecCredential('not json', V1)).toEqual({ ok: false, reason: 'the exec plugin printed no JSON' });
    const beta = JSON.stringify({ apiVersion: `${V1}beta1`, kind: 'ExecCredential', status: { token: 't' } });
    expect(parseExecCredential(beta, V1)).toMatchObject({ ok: false });
    const empty = JSON.stringify({ apiVersion: V1, kind: 'ExecCredential', status: { clientKeyData: 'k' } });
    expect(parseExecCredential(empty, V1)).toEqual({
      ok: false,
      reason: 'the exec plugin gave neither a token nor a certificate',
    });
  });
});

describe('execInfo', () => {
  const endpoint = { server: 'https://k:6443', insecure: false, tlsServerName: 'api.k' };
  it('says the run is not interactive, and hands cluster details only when the plugin asks for them', () => {
    expect(JSON.parse(execInfo(plugin, endpoint, 'Q0E='))).toEqual({
      apiVersion: V1,
      kind: 'ExecCredential',
      spec: { interactive: false },
    });
    expect(JSON.parse(execInfo({ ...plugin, provideClusterInfo: true }, endpoint, 'Q0E=')).spec).toEqual({
      interactive: false,
      cluster: { server: 'https://k:6443', 'certificate-authority-data': 'Q0E=', 'tls-server-name': 'api.k' },
    });
  });
});
