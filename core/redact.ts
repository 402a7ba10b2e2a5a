// Error messages on their way to a log line: PostgreSQL, ajv and JavaScript quote the values they
// refuse ("…", '…', Key (col)=(…)), and those values come from requests (postcodes, among others).
// Quoted text, parenthesised key values and anything shaped like a UK postcode are replaced.

const POSTCODE = /\b[A-Z]{1,2}[0-9][A-Z0-9]?\s*[0-9][A-Z]{2}\b/gi;

export function redactText(text: string): string {
  return text
    .replace(/"(?:[^"\\]|\\.)*"/g, '"…"')
    .replace(/'(?:[^'\\]|\\.)*'/g, "'…'")
    .replace(/=\([^)]*\)/g, '=(…)')
    .replace(POSTCODE, '…');
}

export interface RedactedError {
  type: string;
  message: string;
  code?: string;
  stack?: string;
}

/** An error as a log line may carry it: its type, code and redacted message, and its stack frames only. */
export function redactError(err: unknown): RedactedError {
  if (!(err instanceof Error)) return { type: typeof err, message: redactText(String(err)) };
  const code = (err as { code?: unknown }).code;
  const frames = (err.stack ?? '').split('\n').filter((l) => /^\s+at /.test(l));
  return {
    type: err.name,
    message: redactText(err.message),
    ...(typeof code === 'string' ? { code } : {}),
    ...(frames.length ? { stack: frames.map(redactText).join('\n') } : {}),
  };
}
