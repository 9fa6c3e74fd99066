/**
 * Every match of a pattern in a text, as `[...text.matchAll(pattern)]` gives them. `matchAll` copies the pattern
 * at each call (the specification constructs a new RegExp) and walks an iterator: the triage runs a few hundred
 * patterns over each member's text, at every creation of a file, and the copies showed in its profiles. A
 * pattern without the `g` flag is given one (a global copy kept per pattern). Pure: the pattern's `lastIndex` is
 * left at 0.
 */
export function allMatches(text: string, pattern: RegExp): RegExpExecArray[] {
  const re = globalOf(pattern);
  const out: RegExpExecArray[] = [];
  re.lastIndex = 0;
  for (let m = re.exec(text); m !== null; m = re.exec(text)) {
    out.push(m);
    // An empty match would be found again at the same place: step over it, by a code point under the `u` flag.
    if (m[0].length === 0) re.lastIndex = nextIndex(text, re.lastIndex, /[uv]/.test(re.flags));
  }
  re.lastIndex = 0;
  return out;
}

const globalCopies = new WeakMap<RegExp, RegExp>();

function globalOf(pattern: RegExp): RegExp {
  if (pattern.global) return pattern;
  let copy = globalCopies.get(pattern);
  if (!copy) {
    copy = new RegExp(pattern.source, `${pattern.flags}g`);
    globalCopies.set(pattern, copy);
  }
  return copy;
}

function nextIndex(text: string, index: number, unicode: boolean): number {
  if (!unicode || index + 1 >= text.length) return index + 1;
  const code = text.charCodeAt(index);
  return code >= 0xd800 && code <= 0xdbff ? index + 2 : index + 1;
}
