import type { Meta, StoryObj } from '@storybook/react-vite';
import { expect, within } from 'storybook/test';
import { useCheckoutSession } from '../src/react/useCheckoutSession';
import { makeSession, mockSessionSequence } from '../src/testing';
import { STORY_API, withCheckoutProviders } from './support/withCheckoutProviders';

function SessionStatusText({ sessionId, pollInterval }: { sessionId: string; pollInterval?: number }) {
  const { data, error, isPolling } = useCheckoutSession(sessionId, { pollInterval });
  if (error) return <p role="alert">{error.message}</p>;
  if (!data) return <p role="status">Checking your payment…</p>;
  return (
    <p role="status">
      {data.status} {isPolling ? '(checking)' : ''}
    </p>
  );
}

const meta = {
  title: 'Live scenarios',
  component: SessionStatusText,
  decorators: [withCheckoutProviders],
  args: { sessionId: 'cs_live', pollInterval: 300 },
} satisfies Meta<typeof SessionStatusText>;

export default meta;
type Story = StoryObj<typeof meta>;

export const PendingThenSucceeded: Story = {
  parameters: {
    msw: [
      mockSessionSequence(
        [makeSession({ status: 'PENDING' }), makeSession({ status: 'PENDING' }), makeSession({ status: 'SUCCEEDED' })],
        { baseUrl: STORY_API },
      ),
    ],
  },
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await expect(await canvas.findByText(/PENDING/)).toBeInTheDocument();
    await expect(await canvas.findByText(/SUCCEEDED/, {}, { timeout: 5000 })).toBeInTheDocument();
  },
};
