import { describe, expect, it } from 'vitest';
import { gitopsOwner, ownedRefusal } from '../../../src/gitops/index.js';

describe('gitopsOwner', () => {
  it('reads helm-controller origin labels', () => {
    expect(
      gitopsOwner({
        labels: { 'helm.toolkit.fluxcd.io/name': 'web', 'helm.toolkit.fluxcd.io/namespace': 'prod-flask-app' },
      }),
    ).toEqual({ tool: 'flux', name: 'web', namespace: 'prod-flask-app' });
  });

  it('reads the Argo CD tracking annotation, with or without an Application namespace', () => {
    expect(
      gitopsOwner({ annotations: { 'argocd.argoproj.io/tracking-id': 'web-prod:apps/Deployment:prod/web' } }),
    ).toEqual({ tool: 'argocd', application: 'web-prod' });
    expect(
      gitopsOwner({ annotations: { 'argocd.argoproj.io/tracking-id': 'team-a_web-prod:apps/Deployment:prod/web' } }),
    ).toEqual({ tool: 'argocd', application: 'web-prod', namespace: 'team-a' });
  });

  it("a release helm installed by hand has no owner (helm's own app.kubernetes.io/instance is not Argo's)", () => {
    expect(
      gitopsOwner({ labels: { 'app.kubernetes.io/instance': 'web', 'app.kubernetes.io/managed-by': 'Helm' } }),
    ).toBe(undefined);
    expect(gitopsOwner({ labels: { 'helm.toolkit.fluxcd.io/name': 'web' } })).toBe(undefined);
  });
});

describe('ownedRefusal', () => {
  it('names the HelmRelease and the file to change, and the override flag', () => {
    const r = ownedRefusal(
      { tool: 'flux', name: 'web', namespace: 'prod' },
      'upgrade',
      'deploy/prod/web.prod.values.yaml',
    );
    expect(r.message).toBe(
      'this release is owned by the Flux HelmRelease prod/web; a manual upgrade would be undone by the controller',
    );
    expect(r.hint).toContain('change deploy/prod/web.prod.values.yaml in git');
    expect(r.hint).toContain('--force-manual');
  });

  it('uninstall says to remove the Application from git', () => {
    expect(ownedRefusal({ tool: 'argocd', application: 'web-prod' }, 'uninstall', 'x.yaml').hint).toMatch(
      /^remove the Application from git instead/,
    );
  });
});
