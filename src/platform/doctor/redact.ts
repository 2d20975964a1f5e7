/**
 * An error's message fit to print: connection URLs and user:password@ parts removed, first line
 * only. Driver and npm messages do not normally carry credentials; this makes sure of it.
 */
export function describeError(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  return withoutCredentials(message.split('\n')[0] ?? '').trim() || 'unknown error';
}

export function withoutCredentials(text: string): string {
  return text.replace(/postgres(ql)?:\/\/\S+/g, '<database URL>').replace(/\/\/[^\s/@]+@/g, '//***@');
}
