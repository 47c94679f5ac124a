export interface LocalRegistry {
  /** http://127.0.0.1:PORT (no trailing slash). */
  url: string;
  /** An npmrc with `registry=` and a publish token for this registry. */
  npmrc: string;
  stop: () => Promise<void>;
  /** The last lines Verdaccio printed (warnings and errors only). */
  log: () => string;
}

export function startRegistry(dir: string): Promise<LocalRegistry>;
