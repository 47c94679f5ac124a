// A release's revisions, as `helm history -o json` prints them or as helm's storage
// labels tell them. Pure.

export interface Revision {
  revision: number;
  status: string;
  /** Empty when read from the storage labels (the description is inside the record). */
  description: string;
  updated?: string;
  chart?: string;
}

/** Revisions read from helm's storage labels: no description (it is inside the record). */
export function fromStorageLabels(stored: readonly { revision: number; status: string }[]): Revision[] {
  return stored.map((r) => ({ revision: r.revision, status: r.status, description: '' }));
}

export function parseHistory(json: string): Revision[] {
  try {
    const rows = JSON.parse(json) as {
      revision?: number;
      status?: string;
      description?: string;
      updated?: string;
      chart?: string;
    }[];
    return rows
      .filter((r) => typeof r.revision === 'number')
      .map((r) => ({
        revision: r.revision as number,
        status: r.status ?? 'unknown',
        description: r.description ?? '',
        ...(r.updated ? { updated: r.updated } : {}),
        ...(r.chart ? { chart: r.chart } : {}),
      }))
      .sort((a, b) => a.revision - b.revision);
  } catch {
    return [];
  }
}
