import { Component, type ReactNode } from 'react';

/**
 * Shows `fallback` when a lazily loaded chunk cannot be loaded (offline, a new deployment since
 * the page opened), so the rest of the page stays usable. `what` names the chunk in the warning.
 */
export class ChunkBoundary extends Component<{
  what: string;
  fallback: ReactNode;
  children: ReactNode;
}> {
  override state = { failed: false };

  static getDerivedStateFromError(): { failed: boolean } {
    return { failed: true };
  }

  override componentDidCatch(error: unknown): void {
    console.warn(`${this.props.what} could not be loaded`, error);
  }

  override render(): ReactNode {
    return this.state.failed ? this.props.fallback : this.props.children;
  }
}
