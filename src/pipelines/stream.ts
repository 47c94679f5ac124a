// Turns a task written as `async (emit) => result` into the async generator of
// RunEvents the renderers consume, so concurrent producers can share one stream.
import { Channel } from '../kube/channel.js';
import type { RunEvent } from '../rollout/events.js';

export async function* streamOf(work: (emit: (e: RunEvent) => void) => Promise<void>): AsyncGenerator<RunEvent> {
  const channel = new Channel<RunEvent>();
  let failure: unknown;
  const running = work((e) => channel.push(e))
    .catch((e: unknown) => {
      failure = e;
    })
    .finally(() => channel.close());
  yield* channel.drain();
  await running;
  if (failure !== undefined) throw failure;
}
