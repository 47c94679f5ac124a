// The wizard's first frame goes before the helm/kubectl probes. Each probe is a Go
// program whose start-up keeps a core busy for tens of milliseconds; started together
// with the screens on a 2-core machine, they slowed the first frame by a third. The
// probes now wait until the user sees something (the facts fill in a moment later).
let open: (() => void) | undefined;
const drawn = new Promise<void>((resolve) => {
  open = resolve;
});

/** A front-end is up: the Ink wizard drew its first frame, or the plain prompts began. */
export function markFirstFrame(): void {
  open?.();
}

/** Resolves once the first frame is out, or after `maxWaitMs` (no wizard may ever come). */
export function afterFirstFrame(maxWaitMs: number): Promise<void> {
  return new Promise((resolve) => {
    const timer = setTimeout(resolve, maxWaitMs);
    void drawn.then(() => {
      clearTimeout(timer);
      resolve();
    });
  });
}
