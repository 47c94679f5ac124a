// The Gateway API route (httpRoute.*): what it renders on Helm 3 and Helm 4,
// what validateValues refuses, and what NOTES tells the user. The real API
// server's verdict on the rendered route is in test/e2e/chart-server-validation.test.ts.
import { describe, expect, it } from 'vitest';
import { CHART, helm, MAJORS, ofKind, one, render, renderError, valuesArgs } from './helm.js';

interface HTTPRoute {
  apiVersion: string;
  metadata: { name: string; namespace: string; annotations?: Record<string, string> };
  spec: {
    parentRefs: { group: string; kind: string; name: string; namespace?: string; sectionName?: string }[];
    hostnames?: string[];
    rules: {
      matches?: unknown[];
      filters?: unknown[];
      timeouts?: Record<string, string>;
      backendRefs: { group: string; kind: string; name: string; port: number; weight: number }[];
    }[];
  };
}

const ROUTE = {
  httpRoute: {
    enabled: true,
    annotations: { 'example.com/team': 'web' },
    parentRefs: [{ name: 'public', namespace: 'infra', sectionName: 'https' }],
    hostnames: ['app.example.com'],
    matches: [{ path: { type: 'PathPrefix', value: '/api' } }, { path: { type: 'Exact', value: '/health' } }],
    timeouts: { request: '30s', backendRequest: '25s' },
    filters: [
      { type: 'ResponseHeaderModifier', responseHeaderModifier: { set: [{ name: 'X-Frame-Options', value: 'DENY' }] } },
    ],
  },
};

describe.each(MAJORS)('%s', (major) => {
  it('renders no HTTPRoute unless httpRoute.enabled', async () => {
    expect(ofKind(await render(major), 'HTTPRoute')).toEqual([]);
    expect(ofKind(await render(major, { env: 'prod' }), 'HTTPRoute')).toEqual([]);
  });

  it('renders a gateway.networking.k8s.io/v1 HTTPRoute with parentRefs, hostnames, matches, timeouts and filters', async () => {
    const route = one<HTTPRoute>(await render(major, { values: ROUTE }), 'HTTPRoute');
    expect(route.apiVersion).toBe('gateway.networking.k8s.io/v1');
    expect(route.metadata).toMatchObject({ name: 'web-flask-app', namespace: 'apps' });
    expect(route.metadata.annotations).toEqual({ 'example.com/team': 'web' });
    expect(route.spec.parentRefs).toEqual([
      { group: 'gateway.networking.k8s.io', kind: 'Gateway', name: 'public', namespace: 'infra', sectionName: 'https' },
    ]);
    expect(route.spec.hostnames).toEqual(['app.example.com']);
    const [rule, ...more] = route.spec.rules;
    expect(more).toEqual([]);
    expect(rule?.matches).toEqual(ROUTE.httpRoute.matches);
    expect(rule?.timeouts).toEqual({ request: '30s', backendRequest: '25s' });
    expect(rule?.filters).toEqual(ROUTE.httpRoute.filters);
    // The app Service's http port; the metrics port is never a backend.
    expect(rule?.backendRefs).toEqual([{ group: '', kind: 'Service', name: 'web-flask-app', port: 80, weight: 1 }]);
  });

  it('leaves namespace and sectionName out when empty, and timeouts and filters when unset', async () => {
    const route = one<HTTPRoute>(
      await render(major, { values: { httpRoute: { enabled: true, parentRefs: [{ name: 'gw' }] } } }),
      'HTTPRoute',
    );
    expect(route.spec.parentRefs).toEqual([{ group: 'gateway.networking.k8s.io', kind: 'Gateway', name: 'gw' }]);
    expect(route.spec.rules[0]).not.toHaveProperty('timeouts');
    expect(route.spec.rules[0]).not.toHaveProperty('filters');
    expect(route.spec.rules[0]?.matches).toEqual([{ path: { type: 'PathPrefix', value: '/' } }]);
  });

  it('renders in production with an HTTPS listener, next to the Ingress for another host', async () => {
    const objs = await render(major, { env: 'prod', values: ROUTE });
    expect(one<HTTPRoute>(objs, 'HTTPRoute').spec.hostnames).toEqual(['app.example.com']);
    expect(ofKind(objs, 'Ingress')).toHaveLength(1);
  });

  it('refuses the same host on the Ingress and the route', async () => {
    const err = await renderError(major, {
      values: {
        ingress: { enabled: true, hosts: [{ host: 'app.example.com', paths: [{ path: '/', pathType: 'Prefix' }] }] },
        ...ROUTE,
      },
    });
    expect(err).toContain('httpRoute.hostnames: app.example.com is both in ingress.hosts and in httpRoute.hostnames');
    expect(err).toContain('Set ingress.enabled=false to serve it through the Gateway, or httpRoute.enabled=false');
  });

  it.each(['http', 'http-80', 'web-http', 'insecure', 'plain-80'])(
    'refuses a production route on a listener named %s (plain HTTP)',
    async (sectionName) => {
      const err = await renderError(major, {
        env: 'prod',
        values: {
          httpRoute: { ...ROUTE.httpRoute, parentRefs: [{ name: 'public', namespace: 'infra', sectionName }] },
        },
      });
      expect(err).toContain(
        `httpRoute.parentRefs: a production route must be served over HTTPS, but infra/public:${sectionName}`,
      );
      expect(err).toContain('Set httpRoute.parentRefs[].sectionName to the Gateway');
    },
  );

  it('accepts a plain HTTP listener outside production, and an unnamed listener in production', async () => {
    const dev = { httpRoute: { ...ROUTE.httpRoute, parentRefs: [{ name: 'public', sectionName: 'http' }] } };
    expect(ofKind(await render(major, { env: 'dev', values: dev }), 'HTTPRoute')).toHaveLength(1);
    const any = { httpRoute: { ...ROUTE.httpRoute, parentRefs: [{ name: 'public', namespace: 'infra' }] } };
    expect(ofKind(await render(major, { env: 'prod', values: any }), 'HTTPRoute')).toHaveLength(1);
  });

  it('rejects a malformed route through the schema', async () => {
    for (const values of [
      { httpRoute: { enabled: true, parentRefs: [] } },
      { httpRoute: { enabled: true, hostnames: ['Not A Host'] } },
      { httpRoute: { enabled: true, timeouts: { request: 'soon' } } },
      { httpRoute: { enabled: true, matches: [{ path: { type: 'Prefix', value: '/' } }] } },
    ]) {
      const err = await renderError(major, { values });
      expect(err, JSON.stringify(values)).toContain('httpRoute');
    }
  });
});

// NOTES come out of an install dry run; only Helm 4 makes a client-side one
// without contacting a cluster (Helm 3 asks the API server first). The template
// is the same for both majors.
describe('helm4 NOTES', () => {
  it('say how to reach the app through the route and where TLS and cert-manager go', async () => {
    const result = await helm('helm4', [
      'install',
      'web',
      CHART,
      '--namespace',
      'apps',
      '--dry-run=client',
      ...valuesArgs({ values: ROUTE }),
    ]);
    expect(result.code, result.stderr).toBe(0);
    const notes = result.stdout.slice(result.stdout.indexOf('NOTES:'));
    expect(notes).toContain('Through the Gateway API route apps/web-flask-app, attached to');
    expect(notes).toContain('Gateway infra/public, listener https');
    expect(notes).toContain('https://app.example.com/api');
    expect(notes).toContain('https://app.example.com/health');
    expect(notes).toContain('kubectl get httproute --namespace apps web-flask-app');
    expect(notes).toContain('put the issuer annotation (cert-manager.io/cluster-issuer) on the Gateway');
    expect(notes).not.toContain('kubectl port-forward');
  });
});
