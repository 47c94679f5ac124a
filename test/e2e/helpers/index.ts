// Shared helpers for every e2e test (cluster from scripts/e2e/up.sh):
//   import { requireCluster, createNamespace, helmOk, portForward } from '../e2e/helpers/index.js';
export * from './chart.js';
export * from './cluster.js';
export * from './http.js';
export * from './namespace.js';
export * from './port-forward.js';
export * from './run.js';
export * from './wait.js';
