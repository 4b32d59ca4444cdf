import { QueryClientProvider, useQuery } from '@tanstack/react-query';
import { act, render, renderHook, screen } from '@testing-library/react';
import { StrictMode, useId, useSyncExternalStore, useTransition, version } from 'react';
import { version as domVersion } from 'react-dom';
import { renderToString } from 'react-dom/server';
import loadedReactQuery from '@tanstack/react-query/package.json';
import rootPackage from '../../package.json';
import oldestPeers from '../react18/package.json';
import { makeQueryClient } from '../support/renderWithClient';

// `unit` runs React 19 and the React Query of the root's devDependencies; `unit-react18` sets
// EXPECTED_REACT_MAJOR=18 and aliases in the oldest peers the kit supports, from test/react18.
const expectedMajor = process.env.EXPECTED_REACT_MAJOR ?? '19';
const expectedReactQuery = (expectedMajor === '18' ? oldestPeers : rootPackage).devDependencies['@tanstack/react-query'];

describe(`the suite runs on React ${expectedMajor}`, () => {
  it('loads that React and the matching react-dom', () => {
    expect(version.split('.')[0]).toBe(expectedMajor);
    expect(domVersion).toBe(version);
  });

  it(`loads React Query ${expectedReactQuery}`, () => {
    expect(loadedReactQuery.version).toBe(expectedReactQuery);
  });

  it('promises users no React and no React Query older than those unit-react18 tests', () => {
    expect(rootPackage.peerDependencies['@tanstack/react-query']).toBe(`^${oldestPeers.devDependencies['@tanstack/react-query']}`);
    expect(rootPackage.peerDependencies.react.split(' || ')[0]).toBe(`^${oldestPeers.devDependencies.react}`);
    expect(rootPackage.peerDependencies['react-dom'].split(' || ')[0]).toBe(`^${oldestPeers.devDependencies['react-dom']}`);
  });

  it('gives React Query and Testing Library the same React: hooks work through them', async () => {
    const queryClient = makeQueryClient();
    let listeners = 0;
    const value = 'first';
    const store = {
      subscribe: () => {
        listeners += 1;
        return () => (listeners -= 1);
      },
      get: () => value,
    };
    function Probe() {
      const id = useId();
      const snapshot = useSyncExternalStore(store.subscribe, store.get, store.get);
      const [, startTransition] = useTransition();
      const query = useQuery({ queryKey: ['probe'], queryFn: () => Promise.resolve('answered') });
      void startTransition;
      return <p data-id={id}>{`${snapshot}|${query.data ?? 'loading'}`}</p>;
    }
    const { unmount } = render(
      <StrictMode>
        <QueryClientProvider client={queryClient}>
          <Probe />
        </QueryClientProvider>
      </StrictMode>,
    );
    expect(await screen.findByText('first|answered')).toHaveAttribute('data-id');
    expect(listeners).toBe(1);
    unmount();
    expect(listeners).toBe(0);
  });

  it('renders on the server with that react-dom', () => {
    expect(renderToString(<p>{version}</p>)).toBe(`<p>${version}</p>`);
  });

  it('runs renderHook and act from Testing Library against it (useId has that version\'s format)', async () => {
    const { result } = renderHook(() => useId());
    await act(async () => undefined);
    // React 18 makes ":r0:"; React 19.2 makes "_r_0_": proof of which reconciler really ran.
    expect(result.current).toMatch(expectedMajor === '18' ? /^:r\w+:$/ : /^_r_\w+_$/);
  });
});
