// The typed helm reads: each runs one helm command (argv from args.ts), parses its JSON
// and classifies a failure, so nothing above kube/ sees argv or reads helm's stderr.
// "release: not found" is an answer (NotFound), not an error.
import type { Runner, RunOptions, RunResult } from '../runner.js';
import { helmGetManifest, helmGetValues, helmHistory, helmStatus, type KubeTarget } from './args.js';
import { parseHistory, type Revision } from './release-history.js';
import type { HelmBin } from './version.js';

/** What a read of one release gave: its value, "no such release", or helm's failure. */
export type HelmRead<T> =
  | { kind: 'ok'; value: T }
  | { kind: 'not-found'; result: RunResult }
  | { kind: 'failed'; result: RunResult };

export interface ReleaseStatus {
  revision: number;
  status: string;
  chart?: string;
}

export interface ReleaseRead {
  release: string;
  signal?: AbortSignal | undefined;
}

/** helm says so on stderr, in both majors: `Error: release: not found`. */
export function isNotFound(r: RunResult): boolean {
  return r.exitCode !== 0 && /not found/i.test(r.stderr);
}

export function parseStatus(json: string): ReleaseStatus {
  try {
    const s = JSON.parse(json) as {
      version?: number;
      info?: { status?: string };
      chart?: { metadata?: { name?: string; version?: string } };
    };
    const chart = s.chart?.metadata ? `${s.chart.metadata.name}-${s.chart.metadata.version}` : undefined;
    return { revision: s.version ?? 0, status: s.info?.status ?? 'unknown', ...(chart ? { chart } : {}) };
  } catch {
    return { revision: 0, status: 'unknown' };
  }
}

export interface HelmClient {
  status(o: ReleaseRead): Promise<HelmRead<ReleaseStatus>>;
  history(o: ReleaseRead & { max?: number }): Promise<HelmRead<Revision[]>>;
  /** The values supplied to the deployed revision (JSON), or undefined when helm printed none. */
  getValues(o: ReleaseRead): Promise<HelmRead<unknown>>;
  /** The deployed manifest (YAML text). */
  getManifest(o: ReleaseRead): Promise<HelmRead<string>>;
}

export function helmClient(runner: Runner, helm: HelmBin, target: KubeTarget): HelmClient {
  const read = async <T>(c: { cmd: string; args: string[] }, o: ReleaseRead, parse: (stdout: string) => T) => {
    const opts: RunOptions = o.signal ? { signal: o.signal } : {};
    const r = await runner.run(c.cmd, c.args, opts);
    if (r.exitCode === 0) return { kind: 'ok', value: parse(r.stdout) } as const;
    return isNotFound(r) ? ({ kind: 'not-found', result: r } as const) : ({ kind: 'failed', result: r } as const);
  };
  return {
    status: (o) => read(helmStatus(helm, target, o), o, parseStatus),
    history: (o) => read(helmHistory(helm, target, o), o, parseHistory),
    getValues: (o) =>
      read(helmGetValues(helm, target, o), o, (stdout) => {
        try {
          return JSON.parse(stdout) as unknown;
        } catch {
          return undefined;
        }
      }),
    getManifest: (o) => read(helmGetManifest(helm, target, o), o, (stdout) => stdout),
  };
}
