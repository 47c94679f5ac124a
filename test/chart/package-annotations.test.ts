// Artifact Hub reads the chart's annotations when the published chart is indexed: the
// images it scans for vulnerabilities, the license, the changelog. They are hand-written
// in Chart.yaml, so this keeps them true to what the chart renders and declares.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { CHART, ENVS, type Env, MAJORS, ROOT, render } from './helm.js';

interface ChartYaml {
  version: string;
  appVersion: string;
  annotations: Record<string, string>;
}
const chart = parse(readFileSync(path.join(CHART, 'Chart.yaml'), 'utf8')) as ChartYaml;
const annotation = (key: string): unknown => parse(chart.annotations[`artifacthub.io/${key}`] ?? 'null');

/** Every container image (containers and initContainers, at any depth) of rendered objects. */
function imagesOf(node: unknown, out = new Set<string>()): Set<string> {
  if (Array.isArray(node)) {
    for (const item of node) imagesOf(item, out);
  } else if (node !== null && typeof node === 'object') {
    for (const [key, value] of Object.entries(node)) {
      if ((key === 'containers' || key === 'initContainers') && Array.isArray(value)) {
        for (const c of value as { image?: unknown }[]) if (typeof c.image === 'string') out.add(c.image);
      }
      imagesOf(value, out);
    }
  }
  return out;
}

describe('artifacthub.io annotations in Chart.yaml', () => {
  it.each(MAJORS)('images lists exactly the images the chart renders in any environment (%s)', async (major) => {
    const renders: (Env | undefined)[] = [undefined, ...ENVS];
    const rendered = new Set<string>();
    for (const env of renders) {
      for (const image of imagesOf(await render(major, env ? { env } : {}))) rendered.add(image);
    }
    const listed = annotation('images') as { name: string; image: string }[];
    expect(listed.map((i) => i.image).sort()).toEqual([...rendered].sort());
    expect(new Set(listed.map((i) => i.name)).size).toBe(listed.length);
  });

  it('lists the application image at the chart appVersion', () => {
    const listed = annotation('images') as { name: string; image: string }[];
    expect(listed.find((i) => i.name === 'flask-app')?.image).toBe(`flask-app:${chart.appVersion}`);
  });

  it('license matches the project license', () => {
    const pkg = JSON.parse(readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as { license: string };
    expect(chart.annotations['artifacthub.io/license']).toBe(pkg.license);
  });

  it('prerelease says whether version: is a pre-release', () => {
    expect(chart.annotations['artifacthub.io/prerelease']).toBe(String(chart.version.includes('-')));
  });

  it('changes is a list of entries of the kinds Artifact Hub knows', () => {
    const changes = annotation('changes') as { kind: string; description: string }[];
    expect(changes.length).toBeGreaterThan(0);
    for (const change of changes) {
      expect(['added', 'changed', 'deprecated', 'removed', 'fixed', 'security']).toContain(change.kind);
      expect(change.description.trim()).not.toBe('');
    }
    expect(['true', 'false']).toContain(chart.annotations['artifacthub.io/containsSecurityUpdates']);
  });
});
