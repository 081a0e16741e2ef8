/** The message of anything thrown, so that a thrown string or object still fails the step. */
export function getErrorMessage(error: unknown): string {
  if (error instanceof Error) return error.message
  if (typeof error === 'string') return error
  try {
    return JSON.stringify(error) ?? String(error)
  } catch {
    return String(error)
  }
}

/** `ServiceException: message` for an AWS SDK error, or the message of anything else thrown. */
export function awsErrorMessage(error: unknown): string {
  if (error instanceof Error && error.name && error.name !== 'Error') {
    return `${error.name}: ${error.message}`
  }
  return getErrorMessage(error)
}

/** An error whose message is meant for the user as it stands: no stack trace is printed. */
export class ActionError extends Error {
  constructor(message: string) {
    super(message)
    this.name = 'ActionError'
  }
}
