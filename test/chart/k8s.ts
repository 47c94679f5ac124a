// Typed views of rendered objects and their schema validation with
// kubernetes-models (the Kubernetes OpenAPI schema, offline) and the
// prometheus-operator CRD schema.
import { ServiceMonitor } from '@kubernetes-models/prometheus-operator/monitoring.coreos.com/v1/ServiceMonitor';
import { Deployment } from 'kubernetes-models/apps/v1/Deployment';
import { StatefulSet } from 'kubernetes-models/apps/v1/StatefulSet';
import { HorizontalPodAutoscaler } from 'kubernetes-models/autoscaling/v2/HorizontalPodAutoscaler';
import { Job } from 'kubernetes-models/batch/v1/Job';
import { Ingress } from 'kubernetes-models/networking.k8s.io/v1/Ingress';
import { NetworkPolicy } from 'kubernetes-models/networking.k8s.io/v1/NetworkPolicy';
import { PodDisruptionBudget } from 'kubernetes-models/policy/v1/PodDisruptionBudget';
import { ConfigMap } from 'kubernetes-models/v1/ConfigMap';
import { PersistentVolumeClaim } from 'kubernetes-models/v1/PersistentVolumeClaim';
import { Pod } from 'kubernetes-models/v1/Pod';
import { Secret } from 'kubernetes-models/v1/Secret';
import { Service } from 'kubernetes-models/v1/Service';
import { ServiceAccount } from 'kubernetes-models/v1/ServiceAccount';
import type { K8sObject } from './helm.js';

export type { IDeployment } from 'kubernetes-models/apps/v1/Deployment';
export type { IStatefulSet } from 'kubernetes-models/apps/v1/StatefulSet';
export type { IHorizontalPodAutoscaler } from 'kubernetes-models/autoscaling/v2/HorizontalPodAutoscaler';
export type { IJob } from 'kubernetes-models/batch/v1/Job';
export type { IIngress } from 'kubernetes-models/networking.k8s.io/v1/Ingress';
export type { INetworkPolicy } from 'kubernetes-models/networking.k8s.io/v1/NetworkPolicy';
export type { IPodDisruptionBudget } from 'kubernetes-models/policy/v1/PodDisruptionBudget';
export type { IConfigMap } from 'kubernetes-models/v1/ConfigMap';
export type { IContainer } from 'kubernetes-models/v1/Container';
export type { IPod } from 'kubernetes-models/v1/Pod';
export type { IPodSpec } from 'kubernetes-models/v1/PodSpec';
export type { ISecret } from 'kubernetes-models/v1/Secret';
export type { IService } from 'kubernetes-models/v1/Service';

type Validatable = new (data: never) => { validate(): void };

const MODELS: Record<string, Validatable> = {
  'v1/ConfigMap': ConfigMap,
  'v1/PersistentVolumeClaim': PersistentVolumeClaim,
  'v1/Pod': Pod,
  'v1/Secret': Secret,
  'v1/Service': Service,
  'v1/ServiceAccount': ServiceAccount,
  'apps/v1/Deployment': Deployment,
  'apps/v1/StatefulSet': StatefulSet,
  'autoscaling/v2/HorizontalPodAutoscaler': HorizontalPodAutoscaler,
  'batch/v1/Job': Job,
  'networking.k8s.io/v1/Ingress': Ingress,
  'networking.k8s.io/v1/NetworkPolicy': NetworkPolicy,
  'policy/v1/PodDisruptionBudget': PodDisruptionBudget,
  'monitoring.coreos.com/v1/ServiceMonitor': ServiceMonitor,
};

/** Throws when the object's kind has no schema here or the object does not match it. */
export function validateObject(obj: K8sObject): void {
  const model = MODELS[`${obj.apiVersion}/${obj.kind}`];
  if (!model) throw new Error(`no schema for ${obj.apiVersion} ${obj.kind} (${obj.metadata.name})`);
  try {
    new model(obj as never).validate();
  } catch (error) {
    throw new Error(`${obj.kind} ${obj.metadata.name}: ${(error as Error).message}`);
  }
}
