// The slices of Kubernetes JSON (`kubectl get … -o json`) flask-helm-wizard reads.
// Everything optional: the API omits empty fields, and a half-created pod has no status.

export interface ObjectMeta {
  name?: string;
  namespace?: string;
  uid?: string;
  creationTimestamp?: string;
  deletionTimestamp?: string;
  labels?: Record<string, string>;
  annotations?: Record<string, string>;
  ownerReferences?: { kind?: string; name?: string }[];
}

export interface ContainerState {
  waiting?: { reason?: string; message?: string };
  running?: { startedAt?: string };
  terminated?: { reason?: string; exitCode?: number; message?: string; finishedAt?: string };
}

export interface ContainerStatus {
  name?: string;
  ready?: boolean;
  restartCount?: number;
  state?: ContainerState;
  lastState?: ContainerState;
}

export interface Condition {
  type?: string;
  status?: string;
  reason?: string;
  message?: string;
}

export interface Pod {
  kind?: 'Pod';
  metadata?: ObjectMeta;
  spec?: { containers?: { name?: string; ports?: { name?: string; containerPort?: number }[] }[]; nodeName?: string };
  status?: {
    phase?: string;
    conditions?: Condition[];
    containerStatuses?: ContainerStatus[];
    initContainerStatuses?: ContainerStatus[];
  };
}

export interface Workload {
  kind?: string;
  metadata?: ObjectMeta;
  spec?: { replicas?: number };
  status?: {
    replicas?: number;
    readyReplicas?: number;
    updatedReplicas?: number;
    availableReplicas?: number;
    conditions?: Condition[];
  };
}

export interface Job {
  kind?: 'Job';
  metadata?: ObjectMeta;
  status?: { failed?: number; succeeded?: number; conditions?: Condition[] };
}

export interface KubeEvent {
  metadata?: ObjectMeta;
  involvedObject?: { kind?: string; name?: string };
  reason?: string;
  message?: string;
  type?: string;
  count?: number;
  lastTimestamp?: string | null;
  eventTime?: string | null;
  firstTimestamp?: string | null;
}

export interface List<T> {
  items?: T[];
}

/** Parses kubectl's JSON output; a garbled answer is an empty list, never a crash mid-rollout. */
export function parseList<T>(json: string): T[] {
  try {
    const parsed = JSON.parse(json) as List<T>;
    return Array.isArray(parsed.items) ? parsed.items : [];
  } catch {
    return [];
  }
}

export interface Service {
  metadata?: ObjectMeta;
  spec?: { ports?: { name?: string; port?: number; targetPort?: number | string }[] };
}
