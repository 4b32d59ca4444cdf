import type { StoryContext } from '@storybook/react-vite';
import type { SetupWorker } from 'msw/browser';
import type { HttpHandler } from 'msw';

/**
 * A story's network, built fresh each time the story renders: the scripted handlers count
 * requests per session, so a handler kept from an earlier render would start mid-script.
 * Runs in `beforeEach`, after the MSW loader has reset the worker for this story.
 */
export function serve(makeHandlers: () => HttpHandler[]) {
  return (context: StoryContext) => {
    (context as StoryContext & { msw: SetupWorker }).msw.use(...makeHandlers());
  };
}
