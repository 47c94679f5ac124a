// What each environment file renders to, on both helm majors.
import { describe, expect, it } from 'vitest';
import { allContainers, appConfig, appContainer, deployment, podSpec, podSpecs } from './app.js';
import { MAJORS, ofKind, one, render } from './helm.js';
import type { IHorizontalPodAutoscaler, IIngress, IPodDisruptionBudget, IStatefulSet } from './k8s.js';

describe.each(MAJORS)('%s', (major) => {
  describe('dev', () => {
    const objects = () => render(major, { env: 'dev' });

    it('runs two small replicas with debug on and the dev resources', async () => {
      const objs = await objects();
      expect(deployment(objs).spec?.replicas).toBe(2);
      const config = appConfig(objs);
      expect(config.APP_ENV).toBe('development');
      expect(config.FLASK_DEBUG).toBe('1');
      expect(appContainer(objs).resources?.requests).toEqual({
        cpu: '100m',
        memory: '128Mi',
        'ephemeral-storage': '64Mi',
      });
    });

    it('deploys the in-cluster PostgreSQL and Redis StatefulSets on official images', async () => {
      const sets = ofKind(await objects(), 'StatefulSet') as unknown as IStatefulSet[];
      const images = Object.fromEntries(
        sets.map((s) => [s.metadata?.name, s.spec?.template.spec?.containers[0]?.image] as const),
      );
      expect(images).toEqual({ 'web-postgresql': 'postgres:17.6', 'web-redis': 'valkey/valkey:8.1.3' });
    });

    it('has no Ingress, HPA or ServiceMonitor; a PDB, and NetworkPolicies around the app and its data stores', async () => {
      const objs = await objects();
      const kinds = new Set(objs.map((o) => o.kind));
      for (const kind of ['Ingress', 'HorizontalPodAutoscaler', 'ServiceMonitor']) {
        expect(kinds.has(kind), kind).toBe(false);
      }
      expect(one<{ spec: Record<string, unknown> }>(objs, 'PodDisruptionBudget').spec).toMatchObject({
        maxUnavailable: 1,
        unhealthyPodEvictionPolicy: 'AlwaysAllow',
      });
      expect(
        ofKind(objs, 'NetworkPolicy')
          .map((o) => o.metadata.name)
          .sort(),
      ).toEqual(['web-flask-app', 'web-postgresql', 'web-redis']);
    });

    it('is as locked down as prod: read-only root filesystem, non-root', async () => {
      const objs = await objects();
      expect(appContainer(objs).securityContext?.readOnlyRootFilesystem).toBe(true);
      expect(podSpec(objs).securityContext?.runAsNonRoot).toBe(true);
      expect(appContainer(objs).securityContext?.runAsNonRoot).toBe(true);
    });
  });

  describe('staging', () => {
    const objects = () => render(major, { env: 'staging' });

    it('runs two replicas behind an Ingress with TLS from the cert-manager staging issuer', async () => {
      const objs = await objects();
      expect(deployment(objs).spec?.replicas).toBe(2);
      const ingress = one<IIngress>(objs, 'Ingress');
      expect(ingress.metadata?.annotations?.['cert-manager.io/cluster-issuer']).toBe('letsencrypt-staging');
      expect(ingress.spec?.tls?.[0]?.secretName).toBe('flask-app-staging-tls');
      expect(ingress.spec?.tls?.[0]?.hosts).toEqual([ingress.spec?.rules?.[0]?.host]);
    });

    it('keeps one pod available during disruptions and uses the in-cluster database', async () => {
      const objs = await objects();
      expect(one<IPodDisruptionBudget>(objs, 'PodDisruptionBudget').spec?.minAvailable).toBe(1);
      expect(ofKind(objs, 'StatefulSet').map((s) => s.metadata.name)).toEqual(['web-postgresql', 'web-redis']);
    });
  });

  describe('prod', () => {
    const objects = () => render(major, { env: 'prod' });

    it('autoscales 3-20 on 70% CPU and 80% memory, and leaves replicas to the HPA', async () => {
      const objs = await objects();
      const hpa = one<IHorizontalPodAutoscaler>(objs, 'HorizontalPodAutoscaler');
      expect(hpa.spec?.minReplicas).toBe(3);
      expect(hpa.spec?.maxReplicas).toBe(20);
      const targets = Object.fromEntries(
        (hpa.spec?.metrics ?? []).map((m) => [m.resource?.name, m.resource?.target.averageUtilization] as const),
      );
      expect(targets).toEqual({ cpu: 70, memory: 80 });
      expect(deployment(objs).spec).not.toHaveProperty('replicas');
    });

    it('has a PDB, a NetworkPolicy, a ServiceMonitor and an Ingress with TLS', async () => {
      const objs = await objects();
      expect(one<IPodDisruptionBudget>(objs, 'PodDisruptionBudget').spec?.minAvailable).toBe(2);
      one(objs, 'NetworkPolicy');
      one(objs, 'ServiceMonitor');
      const ingress = one<IIngress>(objs, 'Ingress');
      expect(ingress.spec?.tls?.[0]?.secretName).toBe('flask-app-tls');
      expect(ingress.metadata?.annotations?.['cert-manager.io/cluster-issuer']).toBe('letsencrypt-prod');
    });

    it('runs every container read-only, non-root, without capabilities or escalation', async () => {
      for (const { owner, spec } of podSpecs(await objects())) {
        expect(spec.securityContext?.runAsNonRoot, owner).toBe(true);
        expect(spec.securityContext?.runAsUser, owner).toBeGreaterThanOrEqual(10000);
        expect(spec.securityContext?.seccompProfile?.type, owner).toBe('RuntimeDefault');
        expect(spec.automountServiceAccountToken, owner).toBe(false);
        for (const c of allContainers(spec)) {
          const sc = c.securityContext;
          expect(sc?.readOnlyRootFilesystem, `${owner} ${c.name}`).toBe(true);
          expect(sc?.runAsNonRoot, `${owner} ${c.name}`).toBe(true);
          expect(sc?.allowPrivilegeEscalation, `${owner} ${c.name}`).toBe(false);
          expect(sc?.capabilities?.drop, `${owner} ${c.name}`).toEqual(['ALL']);
        }
      }
    });

    it('sets requests and limits of 500m / 512Mi and debug off', async () => {
      const objs = await objects();
      const resources = appContainer(objs).resources;
      expect(resources?.requests).toMatchObject({ cpu: '500m', memory: '512Mi' });
      expect(resources?.limits).toMatchObject({ cpu: '500m', memory: '512Mi' });
      const config = appConfig(objs);
      expect(config.APP_ENV).toBe('production');
      expect(config.FLASK_DEBUG).toBe('0');
    });

    it('deploys no subchart object and reaches the database and Redis through existing Secrets', async () => {
      const objs = await objects();
      expect(objs.filter((o) => o.metadata.labels?.['app.kubernetes.io/part-of'] !== 'flask-app')).toEqual([]);
      expect(
        objs.filter((o) => ['postgresql', 'redis'].includes(o.metadata.labels?.['app.kubernetes.io/name'] ?? '')),
      ).toEqual([]);
      expect(ofKind(objs, 'StatefulSet')).toEqual([]);
      expect(ofKind(objs, 'Secret')).toEqual([]);
      const volume = (podSpec(objs).volumes ?? []).find((v) => v.name === 'secrets');
      const refs = Object.fromEntries(
        (volume?.projected?.sources ?? []).map((s) => [s.secret?.items?.[0]?.path, s.secret?.name] as const),
      );
      expect(refs).toEqual({
        'secret-key': 'flask-app-secret',
        'database-password': 'flask-app-db-app',
        'redis-password': 'flask-app-redis',
      });
    });

    it('mounts a ReadWriteMany model volume', async () => {
      const objs = await objects();
      const pvc = one<{ spec: { accessModes: string[] } }>(objs, 'PersistentVolumeClaim');
      expect(pvc.spec.accessModes).toEqual(['ReadWriteMany']);
    });
  });
});
