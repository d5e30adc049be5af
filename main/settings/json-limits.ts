/**
 * Bounded JSON: input that nests deeper than any file or request of ours is refused with a typed
 * error before JSON.parse, because the parsed value would later blow the stack in code that walks
 * it recursively (zod, structuredClone, JSON.stringify for logs). One linear scan, no recursion.
 */
export const MAX_JSON_DEPTH = 64;

export class JsonTooDeep extends Error {
  readonly code = 'JSON_TOO_DEEP';
  constructor(readonly limit: number) {
    super(`JSON 嵌套超过 ${limit} 层，已拒绝 (nested deeper than ${limit})`);
    this.name = 'JsonTooDeep';
  }
}

/** The deepest nesting of objects/arrays in `text`, counting brackets outside strings. */
export function jsonDepth(text: string, stopAt = Infinity): number {
  let depth = 0;
  let max = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (inString) {
      if (c === 92) i++; // backslash: skip the escaped character
      else if (c === 34) inString = false;
      continue;
    }
    if (c === 34) inString = true;
    else if (c === 123 || c === 91) {
      if (++depth > max) max = depth;
      if (max > stopAt) return max;
    } else if (c === 125 || c === 93) depth--;
  }
  return max;
}

/** JSON.parse, refusing (JsonTooDeep) text nested deeper than `limit`. */
export function parseJsonBounded(text: string, limit = MAX_JSON_DEPTH): unknown {
  if (jsonDepth(text, limit) > limit) throw new JsonTooDeep(limit);
  return JSON.parse(text);
}
