import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  CHART_DIR,
  createNamespace,
  deleteNamespace,
  describeFailure,
  ENVIRONMENTS,
  HELM_MAJORS,
  helmOk,
  kubectl,
  requireCluster,
  valuesArgs,
} from './helpers/index.js';

// A route on the environment's values: an HTTPS listener of a Gateway elsewhere,
// a host of its own (not the Ingress's), every optional field set.
const ROUTE = {
  httpRoute: {
    enabled: true,
    parentRefs: [{ name: 'public', namespace: 'infra', sectionName: 'https' }],
    hostnames: ['app.example.com'],
    matches: [{ path: { type: 'PathPrefix', value: '/' } }],
    timeouts: { request: '30s', backendRequest: '25s' },
    filters: [
      { type: 'ResponseHeaderModifier', responseHeaderModifier: { set: [{ name: 'X-Frame-Options', value: 'DENY' }] } },
    ],
  },
};

// Every environment's render is accepted by a real API server (schema, admission,
// CRDs such as ServiceMonitor) without creating anything: helm template piped into
// `kubectl apply --dry-run=server`.
describe('flask-app renders pass server-side validation', () => {
  requireCluster();
  let ns = '';
  beforeAll(async () => {
    ns = await createNamespace('chart-dry-run');
  });
  afterAll(async () => {
    if (ns) await deleteNamespace(ns);
  });

  for (const major of HELM_MAJORS) {
    it.each(ENVIRONMENTS)(`helm ${major}: values-%s.yaml`, async (env) => {
      const rendered = await helmOk(major, [
        'template',
        'flask-app',
        CHART_DIR,
        '-n',
        ns,
        '--kube-version',
        '1.35.4',
        ...valuesArgs(env, {}),
      ]);
      expect(rendered.stdout).toContain('kind: Deployment');
      const applied = await kubectl(['apply', '--dry-run=server', '-n', ns, '-f', '-'], { input: rendered.stdout });
      expect(applied.exitCode, describeFailure(applied)).toBe(0);
      expect(applied.stdout).toMatch(/deployment\.apps\/flask-app (created|configured) \(server dry run\)/);
      if (env === 'prod') expect(applied.stdout).toContain('servicemonitor.monitoring.coreos.com/flask-app');
    });

    // With a Gateway API route on (the Gateway API standard CRDs are installed by
    // scripts/e2e/gateway-api-crds.sh): the API server validates the HTTPRoute
    // against its CRD schema, including the optional timeouts and filters.
    it.each(ENVIRONMENTS)(`helm ${major}: values-%s.yaml with httpRoute.enabled`, async (env) => {
      const rendered = await helmOk(major, [
        'template',
        'flask-app',
        CHART_DIR,
        '-n',
        ns,
        '--kube-version',
        '1.35.4',
        ...valuesArgs(env, ROUTE),
      ]);
      expect(rendered.stdout).toContain('kind: HTTPRoute');
      const applied = await kubectl(['apply', '--dry-run=server', '-n', ns, '-f', '-'], { input: rendered.stdout });
      expect(applied.exitCode, describeFailure(applied)).toBe(0);
      expect(applied.stdout).toMatch(
        /httproute\.gateway\.networking\.k8s\.io\/flask-app (created|configured) \(server dry run\)/,
      );
    });
  }

  it('refuses an HTTPRoute the CRD schema rejects (the check can fail)', async () => {
    const bad = {
      apiVersion: 'gateway.networking.k8s.io/v1',
      kind: 'HTTPRoute',
      metadata: { name: 'bad-route' },
      spec: { parentRefs: [{ name: 'public' }], rules: [{ timeouts: { request: 'soon' } }] },
    };
    const applied = await kubectl(['apply', '--dry-run=server', '-n', ns, '-f', '-'], { input: JSON.stringify(bad) });
    expect(applied.exitCode).not.toBe(0);
    expect(applied.stderr).toContain('timeouts');
  });

  it('accepts the Gateway the chart README shows (cert-manager issuer annotation, HTTPS listener)', async () => {
    const gateway = {
      apiVersion: 'gateway.networking.k8s.io/v1',
      kind: 'Gateway',
      metadata: { name: 'public', annotations: { 'cert-manager.io/cluster-issuer': 'letsencrypt-prod' } },
      spec: {
        gatewayClassName: 'example',
        listeners: [
          {
            name: 'https',
            protocol: 'HTTPS',
            port: 443,
            hostname: 'flask-app.example.com',
            tls: { mode: 'Terminate', certificateRefs: [{ name: 'flask-app-tls' }] },
            allowedRoutes: { namespaces: { from: 'All' } },
          },
        ],
      },
    };
    const applied = await kubectl(['apply', '--dry-run=server', '-n', ns, '-f', '-'], {
      input: JSON.stringify(gateway),
    });
    expect(applied.exitCode, describeFailure(applied)).toBe(0);
    expect(applied.stdout).toContain('gateway.gateway.networking.k8s.io/public created (server dry run)');
  });
});
