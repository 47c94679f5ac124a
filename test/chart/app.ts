// Accessors for the app's own objects in a render.
import { type K8sObject, one } from './helm.js';
import type { IContainer, IDeployment, IPodSpec } from './k8s.js';

export function deployment(objects: readonly K8sObject[]): IDeployment {
  return one<IDeployment>(objects, 'Deployment');
}

export function podSpec(objects: readonly K8sObject[]): IPodSpec {
  const spec = deployment(objects).spec?.template.spec;
  if (!spec) throw new Error('the Deployment has no pod spec');
  return spec;
}

export function appContainer(objects: readonly K8sObject[]): IContainer {
  const container = podSpec(objects).containers.find((c) => c.name === 'flask-app');
  if (!container) throw new Error('no flask-app container in the Deployment');
  return container;
}

/** Pod specs of everything that runs pods: Deployments, StatefulSets, Jobs, Pods. */
export function podSpecs(objects: readonly K8sObject[]): { owner: string; spec: IPodSpec }[] {
  const out: { owner: string; spec: IPodSpec }[] = [];
  for (const obj of objects) {
    const owner = `${obj.kind}/${obj.metadata.name}`;
    if (obj.kind === 'Pod') out.push({ owner, spec: obj.spec as IPodSpec });
    if (['Deployment', 'StatefulSet', 'Job'].includes(obj.kind)) {
      const template = (obj.spec as { template: { spec: IPodSpec } }).template;
      out.push({ owner, spec: template.spec });
    }
  }
  return out;
}

/** Pod template metadata of the objects that create pods (and Pods themselves). */
export function podMetadata(objects: readonly K8sObject[]): {
  owner: string;
  labels: Record<string, string>;
  annotations: Record<string, string>;
}[] {
  return objects.flatMap((obj) => {
    const owner = `${obj.kind}/${obj.metadata.name}`;
    if (obj.kind === 'Pod') {
      return [{ owner, labels: obj.metadata.labels ?? {}, annotations: obj.metadata.annotations ?? {} }];
    }
    if (['Deployment', 'StatefulSet', 'Job'].includes(obj.kind)) {
      const meta = (
        obj.spec as {
          template: { metadata?: { labels?: Record<string, string>; annotations?: Record<string, string> } };
        }
      ).template.metadata;
      return [{ owner, labels: meta?.labels ?? {}, annotations: meta?.annotations ?? {} }];
    }
    return [];
  });
}

export function allContainers(spec: IPodSpec): IContainer[] {
  return [...(spec.initContainers ?? []), ...spec.containers];
}

/** Data of the app's own ConfigMap (the one the app container's envFrom names). */
export function appConfig(objects: readonly K8sObject[]): Record<string, string> {
  const name = appContainer(objects).envFrom?.[0]?.configMapRef?.name;
  return one<{ data?: Record<string, string> }>(objects, 'ConfigMap', name).data ?? {};
}
