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
  }
});
