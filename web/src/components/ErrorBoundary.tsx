import { Component, type ReactNode } from 'react';
import { ErrorBox } from './ErrorBox.tsx';

interface Props {
  readonly children: ReactNode;
}

interface State {
  readonly error: unknown;
}

/** Shows a page's rendering fault as an error message instead of blanking the whole app. */
export class ErrorBoundary extends Component<Props, State> {
  override state: State = { error: null };

  static getDerivedStateFromError(error: unknown): State {
    return { error };
  }

  override render() {
    return this.state.error ? <ErrorBox error={this.state.error} /> : this.props.children;
  }
}
