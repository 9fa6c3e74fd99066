/*
 * The checks of an uploaded file's bytes (an upload from the file page, an e-mail's attachment). Their libraries
 * (file-type, pdf-lib) are imported at the first upload, not when the server starts: most processes never
 * receive one, and they weigh on the resident memory (docs/performance.md).
 */

/** The media type detected from the bytes, or undefined when unknown. */
export async function detectedMimeOf(bytes: Uint8Array): Promise<string | undefined> {
  const { fileTypeFromBuffer } = await import('file-type');
  return (await fileTypeFromBuffer(bytes))?.mime;
}

/** What makes a PDF act by itself (a script, an automatic action), or undefined. */
export async function activePdfContentOf(bytes: Uint8Array): Promise<string | undefined> {
  const { findActivePdfContent } = await import('../../pdf/active-content.ts');
  return findActivePdfContent(bytes);
}
