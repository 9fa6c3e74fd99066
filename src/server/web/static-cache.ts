/**
 * Cache rules of the web app (issue 16, speed a person feels): Vite names every built asset after a hash of its
 * content, so a file under /assets/ never changes and is cached for a year as immutable; index.html names the
 * current assets, so the browser revalidates it on every visit.
 */
export function webCacheControl(filePath: string): string {
  return /[\\/]assets[\\/]/.test(filePath) ? 'public, max-age=31536000, immutable' : 'no-cache';
}

export function setWebCacheHeaders(
  res: { setHeader(name: string, value: string): unknown },
  filePath: string,
): void {
  res.setHeader('cache-control', webCacheControl(filePath));
}
