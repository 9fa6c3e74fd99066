/**
 * What the logs may say about a failure: its kind, never its content. Database errors quote the statement and
 * its parameters ("params: …diabète…"), driver errors can carry a row: only names, codes and the SQLSTATE are
 * kept (RGPD art. 9 and 32: the logs are not a copy of the health data).
 */
export function safeErrorSummary(error: unknown): Record<string, string | undefined> {
  const e = error as { name?: unknown; code?: unknown; cause?: { code?: unknown; name?: unknown } };
  const text = (v: unknown) => (typeof v === 'string' || typeof v === 'number' ? String(v) : undefined);
  // The first frame of the stack says where without saying what (file and line only).
  const stack = (error as { stack?: unknown }).stack;
  const where = typeof stack === 'string' ? /\n\s+at (.+)/.exec(stack)?.[1] : undefined;
  return {
    type: text(e.name) ?? typeof error,
    code: text(e.code),
    sqlState: text(e.cause?.code),
    causeType: text(e.cause?.name),
    at: where,
  };
}

/** A request URL without its query string: search terms and letter previews may quote health data. */
export function urlWithoutQuery(url: string): string {
  const q = url.indexOf('?');
  return q === -1 ? url : `${url.slice(0, q)}?…`;
}
