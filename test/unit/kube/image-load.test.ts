import { describe, expect, it } from 'vitest';
import {
  buildCommand,
  detectLocalCluster,
  imageProblem,
  type LocalCluster,
  loadCommand,
  planImageLoad,
  type Tool,
  toolsFor,
} from '../../../src/kube/image-load.js';

const all = new Set<Tool>(['docker', 'kind', 'minikube', 'k3d']);

describe('detectLocalCluster', () => {
  it.each([
    [{ context: 'kind-dev' }, { kind: 'kind', name: 'dev' }],
    [
      { context: 'kind-kind', cluster: 'kind-kind', server: 'https://127.0.0.1:42111' },
      { kind: 'kind', name: 'kind' },
    ],
    [{ context: 'k3d-demo' }, { kind: 'k3d', name: 'demo' }],
    [
      { context: 'admin@k3d-demo', cluster: 'k3d-demo' },
      { kind: 'k3d', name: 'demo' },
    ],
    [{ context: 'minikube' }, { kind: 'minikube', profile: 'minikube' }],
    [
      { context: 'ml', cluster: 'ml', server: 'https://192.168.49.2:8443', providers: ['minikube.sigs.k8s.io'] },
      { kind: 'minikube', profile: 'ml' },
    ],
    [{ context: 'docker-desktop' }, { kind: 'docker-desktop' }],
    [{ context: 'dd', server: 'https://kubernetes.docker.internal:6443' }, { kind: 'docker-desktop' }],
  ] as const)('%j → %j', (facts, expected) => {
    expect(detectLocalCluster(facts)).toEqual(expected);
  });

  it.each([
    { context: 'prod-eu', server: 'https://10.0.0.1:6443' },
    { context: 'kind-' },
    { context: 'gke_project_europe-west1_main' },
    { context: null },
    { context: 'e2e', server: 'https://127.0.0.1:6443' },
  ])('%j is not a cluster an image can be loaded into', (facts) => {
    expect(detectLocalCluster(facts)).toBeNull();
  });
});

describe('commands', () => {
  it('builds from the app directory with its Dockerfile', () => {
    expect(buildCommand('flask-app:1.0.0', '/repo/app/')).toEqual({
      cmd: 'docker',
      args: ['build', '--tag', 'flask-app:1.0.0', '--file', '/repo/app/Dockerfile', '/repo/app'],
    });
  });

  it.each<[LocalCluster, string[] | null]>([
    [{ kind: 'kind', name: 'dev' }, ['kind', 'load', 'docker-image', 'flask-app:1.0.0', '--name', 'dev']],
    [{ kind: 'minikube', profile: 'ml' }, ['minikube', 'image', 'load', 'flask-app:1.0.0', '--profile', 'ml']],
    [{ kind: 'k3d', name: 'demo' }, ['k3d', 'image', 'import', 'flask-app:1.0.0', '--cluster', 'demo']],
    [{ kind: 'docker-desktop' }, null],
  ])('loads into %j', (cluster, argv) => {
    const load = loadCommand(cluster, 'flask-app:1.0.0');
    expect(load === null ? null : [load.cmd, ...load.args]).toEqual(argv);
  });

  it('names the tools each cluster needs', () => {
    expect(toolsFor({ kind: 'kind', name: 'x' })).toEqual(['docker', 'kind']);
    expect(toolsFor({ kind: 'docker-desktop' })).toEqual(['docker']);
  });
});

describe('imageProblem', () => {
  it.each(['flask-app:1.0.0', 'flask-app:dev', 'localhost:5000/team/flask-app:2', 'flask-app:v1.0-RC1'])(
    '%s is fine',
    (image) => {
      expect(imageProblem(image)).toBeNull();
    },
  );
  it.each([
    ['--help:1', 'is not an image reference'],
    ['flask-app', 'has no tag'],
    ['localhost:5000/flask-app', 'has no tag'],
    ['flask-app:latest', 'always tries to pull'],
    ['Flask App:1', 'is not an image reference'],
    ['flask-app@sha256:abc', 'is not an image reference'],
    ['flask-app:-x', 'is not a valid image tag'],
  ])('%s → %s', (image, message) => {
    expect(imageProblem(image)).toContain(message);
  });
});

describe('planImageLoad', () => {
  it('kind: build then load, in that order', () => {
    const plan = planImageLoad({
      cluster: { kind: 'kind', name: 'dev' },
      image: 'flask-app:1.0.0',
      appDir: 'app',
      available: all,
    });
    expect(plan.type).toBe('ready');
    if (plan.type !== 'ready') return;
    expect(plan.steps.map((s) => s.command.cmd)).toEqual(['docker', 'kind']);
    expect(plan.steps[1]?.title).toBe('load flask-app:1.0.0 into the kind cluster "dev"');
  });

  it('Docker Desktop only builds: the cluster uses the same image store', () => {
    const plan = planImageLoad({
      cluster: { kind: 'docker-desktop' },
      image: 'flask-app:1.0.0',
      appDir: 'app',
      available: new Set<Tool>(['docker']),
    });
    expect(plan.type === 'ready' && plan.steps.map((s) => s.command.cmd)).toEqual(['docker']);
  });

  it('without docker says what to do instead, with the exact commands', () => {
    const plan = planImageLoad({
      cluster: { kind: 'kind', name: 'dev' },
      image: 'flask-app:1.0.0',
      appDir: 'app',
      available: new Set<Tool>(['kind']),
    });
    expect(plan).toMatchObject({
      type: 'unavailable',
      message: 'docker is not on PATH, so the image cannot be built here',
    });
    expect(plan.type === 'unavailable' && plan.hint).toContain(
      'docker build --tag flask-app:1.0.0 --file app/Dockerfile app, then kind load docker-image flask-app:1.0.0 --name dev',
    );
  });

  it('without docker on minikube suggests building inside minikube', () => {
    const plan = planImageLoad({
      cluster: { kind: 'minikube', profile: 'minikube' },
      image: 'flask-app:dev',
      appDir: 'app',
      available: new Set<Tool>(['minikube']),
    });
    expect(plan.type === 'unavailable' && plan.hint).toContain(
      'minikube image build --tag flask-app:dev --profile minikube app',
    );
  });

  it('a missing cluster tool is named', () => {
    const plan = planImageLoad({
      cluster: { kind: 'k3d', name: 'demo' },
      image: 'flask-app:dev',
      appDir: 'app',
      available: new Set<Tool>(['docker']),
    });
    expect(plan).toMatchObject({ type: 'unavailable' });
    expect(plan.type === 'unavailable' && plan.message).toBe(
      'k3d is not on PATH, so the image cannot be loaded into the k3d cluster "demo"',
    );
  });

  it('a bad image reference stops before any command', () => {
    const plan = planImageLoad({
      cluster: { kind: 'kind', name: 'dev' },
      image: 'flask-app:latest',
      appDir: 'app',
      available: all,
    });
    expect(plan.type).toBe('unavailable');
  });
});
