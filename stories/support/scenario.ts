import type { SetupWorker } from 'msw/browser';
import type { HttpHandler } from 'msw';

/**
 * A story's network, built fresh each time the story mounts: the scripted handlers count
 * requests per session, so a handler kept from an earlier mount would start mid-script. Runs
 * in `beforeEach`, after the MSW loader has reset the worker for this story. A toolbar switch
 * or a Controls edit re-runs both without remounting the panel, so the same handlers go back
 * in, mid-script like the panel; the cleanup, run when the story unmounts, drops them.
 */
export function serve(makeHandlers: () => HttpHandler[]) {
  let handlers: HttpHandler[] | undefined;
  // Takes any story's context, of any component's args: only the loader's worker is read.
  return (context: unknown) => {
    handlers ??= makeHandlers();
    (context as { msw: SetupWorker }).msw.use(...handlers);
    return () => {
      handlers = undefined;
    };
  };
}
