// A part that throws while rendering shows what failed in its own place, and the rest of the page
// keeps working (a broken cluster view must not take the terminal with it).

import { Component, type ReactNode } from 'react'

interface Props {
  /** What to call the part in the message. */
  name: string
  children: ReactNode
}

export class ErrorBoundary extends Component<Props, { error: Error | undefined }> {
  override state = { error: undefined as Error | undefined }

  static getDerivedStateFromError(error: Error) {
    return { error }
  }

  override componentDidCatch(error: Error) {
    console.error(`Ordinal: ${this.props.name} failed`, error)
  }

  override render() {
    if (!this.state.error) return this.props.children
    return (
      <div className="placeholder placeholder--center" role="alert">
        <p>
          {this.props.name}: <code>{this.state.error.message}</code>
        </p>
        <button type="button" className="button" onClick={() => this.setState({ error: undefined })}>
          ↻
        </button>
      </div>
    )
  }
}
