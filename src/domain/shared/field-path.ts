/**
 * The field at fault as people read it: `acts[2].pricePaid`, `facts.interruptionLetters[1]`. Every error of the
 * API and the CLI names its field this way, whichever layer found it.
 */
export function fieldPath(path: readonly PropertyKey[]): string {
  let out = '';
  for (const key of path) {
    if (typeof key === 'number' || /^\d+$/.test(String(key))) out += `[${String(key)}]`;
    else out += out ? `.${String(key)}` : String(key);
  }
  return out;
}
