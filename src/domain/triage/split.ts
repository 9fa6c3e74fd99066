/**
 * The fixed train/test split: an example is in the test split when the FNV-1a hash of its id, modulo 100, is
 * below 20. It depends on the id only, so adding examples never moves an old one across the split.
 */
export function fnv1a(text: string): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return hash;
}

export const TEST_PERCENT = 20;

export function isTestExample(id: string): boolean {
  return fnv1a(id) % 100 < TEST_PERCENT;
}

/** k folds over the training split for cross-validation, by hash too (a different salt from the split). */
export function foldOf(id: string, k: number): number {
  return fnv1a(`fold:${id}`) % k;
}
