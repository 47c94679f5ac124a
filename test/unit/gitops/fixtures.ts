// Inputs the gitops unit tests share: a dev export from an OCI chart, a prod one.
import type { GitOpsInput } from '../../../src/gitops/index.js';

export function devInput(over: Partial<GitOpsInput> = {}): GitOpsInput {
  return {
    tool: 'flux',
    environment: 'dev',
    namespace: 'dev-flask-app',
    release: 'web',
    chart: { kind: 'oci', ref: 'oci://127.0.0.1:5000/charts/flask-app', version: '0.1.0' },
    overrideFile: 'web.dev-flask-app.values.yaml',
    existingSecrets: [],
    timeout: '5m',
    retries: 3,
    git: { url: 'https://git.example.com/team/app.git', revision: 'main', path: 'deploy/dev' },
    ...over,
  };
}

export function prodInput(over: Partial<GitOpsInput> = {}): GitOpsInput {
  return devInput({
    environment: 'prod',
    namespace: 'prod-flask-app',
    overrideFile: 'web.prod-flask-app.values.yaml',
    existingSecrets: ['web-db', 'web-redis', 'web-tls'],
    chart: {
      kind: 'oci',
      ref: 'oci://registry.example.com/charts/flask-app',
      version: '0.2.0',
      pullSecret: 'registry-login',
      caSecret: 'registry-ca',
    },
    git: { url: 'https://git.example.com/team/app.git', revision: 'main', path: 'deploy/prod' },
    ...over,
  });
}

export const VALUES = { envValues: 'replicaCount: 1\n', override: 'image:\n  tag: "1.2.3"\n' };
