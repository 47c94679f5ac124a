// Types for import-cycles.mjs (a plain script so `npm run lint` needs no build step).
export function importGraph(dirs: string[]): Map<string, Set<string>>;
export function findCycles(graph: Map<string, Set<string>>): string[][];
