// `helm lint --strict` with each values file, and offline rendering with no
// `helm dependency build`, on both helm majors.
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { CHART, ENVS, helm, MAJORS, render } from './helm.js';

const VALUES_FILES = ['values.yaml', ...ENVS.map((env) => `values-${env}.yaml`)];

describe.each(MAJORS)('%s', (major) => {
  it.each(VALUES_FILES)('lint --strict passes with %s (subchart values checked by their own schemas)', async (file) => {
    const result = await helm(major, ['lint', '--strict', CHART, '-f', path.join(CHART, file)]);
    expect(result.stderr + result.stdout).toContain('0 chart(s) failed');
    expect(result.code).toBe(0);
    expect(result.stdout).not.toMatch(/\[(WARNING|ERROR)\]/);
  });

  it.each(ENVS)('renders %s offline from the unpacked subcharts, with no complaint about dependencies', async (env) => {
    const result = await helm(major, ['template', 'web', CHART, '-f', path.join(CHART, `values-${env}.yaml`)]);
    expect(result.code).toBe(0);
    expect(result.stderr).not.toMatch(/dependenc|Chart\.lock|missing/i);
    expect((await render(major, { env })).length).toBeGreaterThan(5);
  });
});
