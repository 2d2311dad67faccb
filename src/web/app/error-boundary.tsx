import { Component, type ReactNode } from "react";
import { PageCrashed } from "./page-crashed.tsx";

type Props = { children: ReactNode; resetKey?: string };
type State = { error: unknown; resetKey?: string };

/**
 * A page that crashed, or a page chunk that no longer exists because the app was updated
 * while this tab was open: show a way out instead of a blank screen. Navigating elsewhere
 * (a new resetKey) clears it.
 */
export class ErrorBoundary extends Component<Props, State> {
  override state: State = { error: null, resetKey: this.props.resetKey };

  static getDerivedStateFromError(error: unknown): Partial<State> {
    return { error };
  }

  static getDerivedStateFromProps(props: Props, state: State): Partial<State> | null {
    return props.resetKey === state.resetKey ? null : { error: null, resetKey: props.resetKey };
  }

  override componentDidCatch(error: unknown): void {
    console.error(error);
  }

  override render(): ReactNode {
    return this.state.error ? <PageCrashed /> : this.props.children;
  }
}
