// Getting the app image into a local cluster without a registry: `docker build`, then the
// cluster tool's own loader (kind, minikube, k3d). Docker Desktop's Kubernetes runs on the
// same Docker Engine, so a build is all it needs. Pure: facts in, commands and messages out;
// the wizard runs the commands with live output.
import type { Command } from './helm/args.js';

export type LocalCluster =
  | { kind: 'kind'; name: string }
  | { kind: 'minikube'; profile: string }
  | { kind: 'k3d'; name: string }
  | { kind: 'docker-desktop' };

export type Tool = 'docker' | 'kind' | 'minikube' | 'k3d';

/** What `kubectl config view --minify -o json` tells about the active context. */
export interface ContextFacts {
  context: string | null;
  cluster?: string | undefined;
  server?: string | undefined;
  /** `provider` values of the context's and cluster's extensions (minikube writes one). */
  providers?: readonly string[] | undefined;
}

const MINIKUBE_PROVIDER = 'minikube.sigs.k8s.io';
const DOCKER_DESKTOP_SERVER = /^https:\/\/kubernetes\.docker\.internal(:\d+)?\/?$/;

/**
 * The local cluster behind a kube context, or null for anything else (a remote cluster
 * must pull from a registry). Context names are the tools' defaults: kind and k3d prefix
 * the cluster name, minikube names the context after its profile and marks it with an
 * extension, Docker Desktop uses a fixed name and API host.
 */
export function detectLocalCluster(facts: ContextFacts): LocalCluster | null {
  const context = facts.context ?? '';
  const cluster = facts.cluster ?? '';
  const prefixed = (prefix: string): string | null => {
    for (const name of [context, cluster]) {
      if (name.startsWith(prefix) && name.length > prefix.length) return name.slice(prefix.length);
    }
    return null;
  };
  const kindName = prefixed('kind-');
  if (kindName !== null) return { kind: 'kind', name: kindName };
  const k3dName = prefixed('k3d-');
  if (k3dName !== null) return { kind: 'k3d', name: k3dName };
  if (facts.providers?.includes(MINIKUBE_PROVIDER)) {
    return { kind: 'minikube', profile: cluster || context || 'minikube' };
  }
  if (context === 'minikube' || cluster === 'minikube') return { kind: 'minikube', profile: 'minikube' };
  if (context === 'docker-desktop' || (facts.server !== undefined && DOCKER_DESKTOP_SERVER.test(facts.server))) {
    return { kind: 'docker-desktop' };
  }
  return null;
}

export function describeCluster(c: LocalCluster): string {
  switch (c.kind) {
    case 'kind':
      return `kind cluster "${c.name}"`;
    case 'minikube':
      return `minikube profile "${c.profile}"`;
    case 'k3d':
      return `k3d cluster "${c.name}"`;
    case 'docker-desktop':
      return 'Docker Desktop Kubernetes';
  }
}

/** The binaries a plan for this cluster runs, so the caller knows what to look for on PATH. */
export function toolsFor(c: LocalCluster): Tool[] {
  return c.kind === 'docker-desktop' ? ['docker'] : ['docker', c.kind];
}

export interface PlanStep {
  title: string;
  command: Command;
}

export type ImageLoadPlan =
  | { type: 'ready'; cluster: LocalCluster; steps: PlanStep[] }
  | { type: 'unavailable'; cluster: LocalCluster; message: string; hint: string };

export interface PlanInput {
  cluster: LocalCluster;
  /** `repository:tag`, as the chart values will reference it. */
  image: string;
  /** The directory holding the app's Dockerfile (the build context). */
  appDir: string;
  /** Tools found on PATH. */
  available: ReadonlySet<Tool>;
}

/** A reference that cannot be mistaken for a flag and that names a tag (never `latest`). */
export function imageProblem(image: string): string | null {
  const slash = image.lastIndexOf('/');
  const colon = image.lastIndexOf(':');
  const [repository, tag] = colon > slash ? [image.slice(0, colon), image.slice(colon + 1)] : [image, undefined];
  if (image.includes('@') || !/^[a-z0-9][a-z0-9._\-/:]*$/.test(repository)) {
    return `"${image}" is not an image reference like flask-app:1.0.0`;
  }
  if (tag === undefined || tag === '') return `"${image}" has no tag: add one, e.g. ${image}:dev`;
  if (!/^[A-Za-z0-9_][A-Za-z0-9_.-]{0,127}$/.test(tag)) return `"${tag}" is not a valid image tag`;
  // With `latest` Kubernetes defaults to pulling, which fails for an image that exists only in the node.
  if (tag === 'latest') return `"${image}" uses the tag latest, which the cluster always tries to pull: use e.g. :dev`;
  return null;
}

export function buildCommand(image: string, appDir: string): Command {
  const dir = appDir.replace(/\/+$/, '') || '.';
  return { cmd: 'docker', args: ['build', '--tag', image, '--file', `${dir}/Dockerfile`, dir] };
}

export function loadCommand(c: LocalCluster, image: string): Command | null {
  switch (c.kind) {
    case 'kind':
      return { cmd: 'kind', args: ['load', 'docker-image', image, '--name', c.name] };
    case 'minikube':
      return { cmd: 'minikube', args: ['image', 'load', image, '--profile', c.profile] };
    case 'k3d':
      return { cmd: 'k3d', args: ['image', 'import', image, '--cluster', c.name] };
    case 'docker-desktop':
      return null;
  }
}

function missingDocker(input: PlanInput): { message: string; hint: string } {
  const { cluster, image, appDir } = input;
  const build = buildCommand(image, appDir);
  const buildLine = [build.cmd, ...build.args].join(' ');
  if (cluster.kind === 'minikube' && input.available.has('minikube')) {
    return {
      message: 'docker is not on PATH, so the image cannot be built here',
      hint: `minikube can build it inside the cluster instead: minikube image build --tag ${image} --profile ${cluster.profile} ${appDir}`,
    };
  }
  const load = loadCommand(cluster, image);
  const loadLine = load ? `, then ${[load.cmd, ...load.args].join(' ')}` : '';
  return {
    message: 'docker is not on PATH, so the image cannot be built here',
    hint: `install Docker (or start Docker Desktop) and run: ${buildLine}${loadLine}; or push the image to a registry the cluster can pull from and pass --image <registry>/flask-app:<tag>`,
  };
}

export function planImageLoad(input: PlanInput): ImageLoadPlan {
  const { cluster, image, appDir, available } = input;
  const bad = imageProblem(image);
  if (bad !== null) return { type: 'unavailable', cluster, message: bad, hint: 'pass --image flask-app:<tag>' };
  if (!available.has('docker')) return { type: 'unavailable', cluster, ...missingDocker(input) };
  const steps: PlanStep[] = [{ title: `build ${image}`, command: buildCommand(image, appDir) }];
  const load = loadCommand(cluster, image);
  if (load !== null) {
    if (!available.has(load.cmd as Tool)) {
      return {
        type: 'unavailable',
        cluster,
        message: `${load.cmd} is not on PATH, so the image cannot be loaded into the ${describeCluster(cluster)}`,
        hint: `install ${load.cmd}, or run: ${[load.cmd, ...load.args].join(' ')} where it is installed`,
      };
    }
    steps.push({ title: `load ${image} into the ${describeCluster(cluster)}`, command: load });
  }
  return { type: 'ready', cluster, steps };
}

/** The context facts from `kubectl config view --minify --output json` (null context: none set). */
export function contextFactsOf(context: string | null, viewJson: string): ContextFacts {
  type Ext = { extension?: { provider?: unknown } }[];
  try {
    const v = JSON.parse(viewJson) as {
      clusters?: { name?: string; cluster?: { server?: string; extensions?: Ext } }[];
      contexts?: { context?: { cluster?: string; extensions?: Ext } }[];
    };
    const ctx = v.contexts?.[0]?.context;
    const cluster = v.clusters?.[0];
    const providers = [...(ctx?.extensions ?? []), ...(cluster?.cluster?.extensions ?? [])]
      .map((e) => e.extension?.provider)
      .filter((p): p is string => typeof p === 'string');
    return { context, cluster: ctx?.cluster ?? cluster?.name, server: cluster?.cluster?.server, providers };
  } catch {
    return { context };
  }
}
