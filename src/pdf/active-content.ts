import { PDFArray, PDFDict, PDFDocument, PDFName, type PDFObject, PDFRawStream, PDFStream } from 'pdf-lib';

/** Keys that make a PDF act on its own when opened or read: scripts, programs, automatic actions. */
const ACTIVE_KEYS = new Set(['JavaScript', 'JS', 'Launch', 'AA', 'RichMedia']);
/** Action types (`/S`) that run code or leave the document. */
const ACTIVE_ACTIONS = new Set([
  'JavaScript',
  'Launch',
  'ImportData',
  'SubmitForm',
  'GoToE',
  'RichMediaExecute',
]);

/** A PDF name as written, with its #xx escapes decoded in either case (/J#61vaScript is /JavaScript). */
function nameOf(name: PDFName): string {
  return name
    .asString()
    .replace(/^\//, '')
    .replace(/#([0-9a-fA-F]{2})/g, (_, hex: string) => String.fromCharCode(Number.parseInt(hex, 16)));
}

function dictOf(object: PDFObject | undefined): PDFDict | undefined {
  if (object instanceof PDFDict) return object;
  if (object instanceof PDFStream || object instanceof PDFRawStream) return object.dict;
  return undefined;
}

/** What is active in one dictionary, or undefined. */
function activeIn(dict: PDFDict): string | undefined {
  for (const [key, value] of dict.entries()) {
    const name = nameOf(key);
    if (ACTIVE_KEYS.has(name)) return name;
    if (name === 'S' && value instanceof PDFName && ACTIVE_ACTIONS.has(nameOf(value))) return nameOf(value);
    // An OpenAction that is a destination ([page /Fit]) only sets the first view; an action dictionary acts.
    if (name === 'OpenAction' && !(value instanceof PDFArray)) return 'OpenAction';
  }
  return undefined;
}

/**
 * Active content of a PDF (JavaScript, Launch and other actions, automatic actions on opening), found by
 * parsing every object with pdf-lib, objects inside compressed object streams included. When pdf-lib cannot
 * parse the file, the raw bytes are searched for the same names (escaped or not). Returns what was found, or
 * undefined for a passive document.
 */
export async function findActivePdfContent(bytes: Uint8Array): Promise<string | undefined> {
  let document: PDFDocument;
  try {
    document = await PDFDocument.load(bytes, {
      ignoreEncryption: true,
      updateMetadata: false,
      throwOnInvalidObject: false,
    });
  } catch {
    return scanRawBytes(bytes, true);
  }
  for (const [, object] of document.context.enumerateIndirectObjects()) {
    const found = activeInObject(object, 0);
    if (found) return found;
  }
  // The parser skips what it cannot read (throwOnInvalidObject: false): the raw bytes are searched as well.
  return activeInObject(document.catalog, 0) ?? scanRawBytes(bytes, false);
}

/** Walks direct sub-dictionaries and arrays (an action is often a direct object inside an annotation). */
function activeInObject(object: PDFObject | undefined, depth: number): string | undefined {
  if (!object || depth > 32) return undefined;
  const dict = dictOf(object);
  if (dict) {
    const found = activeIn(dict);
    if (found) return found;
    for (const [, value] of dict.entries()) {
      const nested = activeInObject(value, depth + 1);
      if (nested) return nested;
    }
    return undefined;
  }
  if (object instanceof PDFArray) {
    for (const item of object.asArray()) {
      const nested = activeInObject(item, depth + 1);
      if (nested) return nested;
    }
  }
  return undefined;
}

/**
 * The names searched in the bytes themselves. With `unparsed`, automatic actions too (nothing else can tell an
 * action from a destination); otherwise only the names no passive document has.
 */
function scanRawBytes(bytes: Uint8Array, unparsed: boolean): string | undefined {
  const text = Buffer.from(bytes)
    .toString('latin1')
    .replace(/#([0-9a-fA-F]{2})/g, (_, hex: string) => String.fromCharCode(Number.parseInt(hex, 16)));
  const names = unparsed ? 'JavaScript|JS|Launch|OpenAction|AA|RichMedia' : 'JavaScript|JS|Launch';
  return new RegExp(`/(${names})(?![A-Za-z0-9])`).exec(text)?.[1];
}
