// The shape of the optional resources: Ingress routing, NetworkPolicy rules,
// scheduling presets, ServiceMonitor, PDB, and the Kubernetes version floor.
import { describe, expect, it } from 'vitest';
import { podSpec } from './app.js';
import { CHART, helm, MAJORS, one, render } from './helm.js';
import type { IIngress, INetworkPolicy } from './k8s.js';

describe.each(MAJORS)('%s', (major) => {
  it('routes every Ingress host and path to the Service port named http', async () => {
    const ingress = one<IIngress>(
      await render(major, {
        values: {
          ingress: {
            enabled: true,
            className: 'nginx',
            hosts: [
              { host: 'a.example.com', paths: [{ path: '/', pathType: 'Prefix' }] },
              { host: 'b.example.com', paths: [{ path: '/api', pathType: 'Exact' }] },
            ],
          },
        },
      }),
      'Ingress',
    );
    expect(ingress.spec?.ingressClassName).toBe('nginx');
    const routes = (ingress.spec?.rules ?? []).flatMap((r) =>
      (r.http?.paths ?? []).map((p) => [
        r.host,
        p.path,
        p.pathType,
        p.backend.service?.name,
        p.backend.service?.port?.name,
      ]),
    );
    expect(routes).toEqual([
      ['a.example.com', '/', 'Prefix', 'web-flask-app', 'http'],
      ['b.example.com', '/api', 'Exact', 'web-flask-app', 'http'],
    ]);
  });

  it('prod NetworkPolicy: ingress controller, test pod and monitoring (metrics) only, egress to DNS, the app, the database and Redis', async () => {
    const np = one<INetworkPolicy>(await render(major, { env: 'prod', release: 'flask-app' }), 'NetworkPolicy');
    expect(np.spec?.policyTypes).toEqual(['Ingress', 'Egress']);
    expect(np.spec?.podSelector.matchExpressions?.[0]?.values).toEqual([
      'flask-app',
      'flask-app-migrations',
      'flask-app-test',
    ]);
    const sources = (np.spec?.ingress ?? []).flatMap((rule) =>
      (rule.from ?? []).map(
        (peer) =>
          peer.namespaceSelector?.matchLabels?.['kubernetes.io/metadata.name'] ??
          peer.podSelector?.matchLabels?.['app.kubernetes.io/name'],
      ),
    );
    expect(sources).toEqual(['ingress-nginx', 'flask-app-test', 'monitoring']);
    const egressPorts = (np.spec?.egress ?? []).flatMap((rule) => (rule.ports ?? []).map((p) => p.port));
    expect(egressPorts).toEqual([53, 53, 8080, 5432, 6379]);
  });

  it('NetworkPolicy without ingress rules opens the http port, and metrics to the monitoring namespace only', async () => {
    const np = one<INetworkPolicy>(
      await render(major, { values: { networkPolicy: { enabled: true } } }),
      'NetworkPolicy',
    );
    expect(np.spec?.ingress).toEqual([
      { ports: [{ port: 'http', protocol: 'TCP' }] },
      {
        from: [{ namespaceSelector: { matchLabels: { 'kubernetes.io/metadata.name': 'monitoring' } } }],
        ports: [{ port: 'metrics', protocol: 'TCP' }],
      },
    ]);
  });

  it('spreads app pods over nodes softly by default, hard on request, and not at all with ""', async () => {
    const soft = podSpec(await render(major)).affinity?.podAntiAffinity;
    expect(soft?.preferredDuringSchedulingIgnoredDuringExecution?.[0]?.podAffinityTerm.topologyKey).toBe(
      'kubernetes.io/hostname',
    );
    const hard = podSpec(await render(major, { set: { podAntiAffinityPreset: 'hard' } })).affinity?.podAntiAffinity;
    expect(hard?.requiredDuringSchedulingIgnoredDuringExecution?.[0]?.labelSelector?.matchLabels).toEqual({
      'app.kubernetes.io/name': 'flask-app',
      'app.kubernetes.io/instance': 'web',
    });
    expect(podSpec(await render(major, { values: { podAntiAffinityPreset: '' } })).affinity).toBeUndefined();
    const custom = { nodeAffinity: { requiredDuringSchedulingIgnoredDuringExecution: { nodeSelectorTerms: [] } } };
    expect(podSpec(await render(major, { values: { affinity: custom } })).affinity).toEqual(custom);
  });

  it('fills in the app selector of topology spread constraints that have none', async () => {
    const spread = podSpec(await render(major, { env: 'prod' })).topologySpreadConstraints;
    expect(spread).toEqual([
      {
        maxSkew: 1,
        topologyKey: 'topology.kubernetes.io/zone',
        whenUnsatisfiable: 'ScheduleAnyway',
        labelSelector: { matchLabels: { 'app.kubernetes.io/name': 'flask-app', 'app.kubernetes.io/instance': 'web' } },
      },
    ]);
  });

  it('selects the app pods from the PDB and the ServiceMonitor, scraping /metrics on the metrics port', async () => {
    const objs = await render(major, { env: 'prod' });
    const selector = { 'app.kubernetes.io/name': 'flask-app', 'app.kubernetes.io/instance': 'web' };
    const pdb = one<{ spec: { selector: { matchLabels: Record<string, string> } } }>(objs, 'PodDisruptionBudget');
    expect(pdb.spec.selector.matchLabels).toEqual(selector);
    const monitor = one<{
      spec: { selector: { matchLabels: Record<string, string> }; endpoints: Record<string, string>[] };
    }>(objs, 'ServiceMonitor');
    expect(monitor.spec.selector.matchLabels).toEqual(selector);
    expect(monitor.spec.endpoints).toEqual([
      { port: 'metrics', path: '/metrics', interval: '30s', scrapeTimeout: '10s' },
    ]);
  });

  it('requires Kubernetes 1.27 or newer', async () => {
    const ok = await helm(major, ['template', 'web', CHART, '--kube-version', '1.27.0']);
    expect(ok.code).toBe(0);
    const old = await helm(major, ['template', 'web', CHART, '--kube-version', '1.26.9']);
    expect(old.code).not.toBe(0);
    expect(old.stderr).toMatch(/kubeVersion|Kubernetes version/i);
  });
});
