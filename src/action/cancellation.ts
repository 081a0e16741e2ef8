/**
 * Cancellation as GitHub does it: SIGINT to the action, SIGTERM 7.5 s later, then the process tree
 * is killed 2.5 s after that. The first signal is passed on to the Packer process running at the
 * time (see packer/process.ts) and stops the action from starting anything new.
 */
export type SignalListener = (signal: NodeJS.Signals, count: number) => void

export class Cancellation {
  private signals = 0
  private readonly listeners = new Set<SignalListener>()
  private readonly handler = (signal: NodeJS.Signals): void => {
    this.signals++
    for (const listener of this.listeners) listener(signal, this.signals)
  }

  get requested(): boolean {
    return this.signals > 0
  }

  /** Listens for SIGINT and SIGTERM; until stop(), they no longer end the process. */
  start(): this {
    process.on('SIGINT', this.handler)
    process.on('SIGTERM', this.handler)
    return this
  }

  stop(): void {
    process.off('SIGINT', this.handler)
    process.off('SIGTERM', this.handler)
  }

  onSignal(listener: SignalListener): () => void {
    this.listeners.add(listener)
    return () => this.listeners.delete(listener)
  }
}
