import { Component, type ReactNode } from 'react';

/** An error boundary whose fallback is a "Try again" button that calls `onReset` (a QueryErrorResetBoundary's reset) and renders the children again. */
export class TryAgainBoundary extends Component<{ onReset: () => void; children: ReactNode }, { failed: boolean }> {
  override state = { failed: false };

  static getDerivedStateFromError() {
    return { failed: true };
  }

  override render() {
    if (!this.state.failed) return this.props.children;
    const tryAgain = () => {
      this.props.onReset();
      this.setState({ failed: false });
    };
    return (
      <button type="button" onClick={tryAgain}>
        Try again
      </button>
    );
  }
}
