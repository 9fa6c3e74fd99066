import { z } from 'zod';

type Def = Record<string, unknown> & { type: string };
type Schema = z.ZodType & { _zod: { def: Def }; clone(def: Def): z.ZodType };

const cache = new WeakMap<z.ZodType, z.ZodType>();

/** A clone of `schema` with `def`, keeping its description and metadata (OpenAPI, docs/schemas). */
function cloneWith(schema: Schema, changes: Record<string, unknown>): z.ZodType {
  const clone = schema.clone({ ...schema._zod.def, ...changes } as Def);
  const meta = z.globalRegistry.get(schema);
  if (meta) z.globalRegistry.add(clone, meta);
  return clone;
}

/**
 * The same schema with every object inside it strict: an unknown key is refused, with its path, instead of being
 * dropped silently (a misspelt optional field would otherwise change the result without a word). Applied to every
 * request body by the app (see hardening/plugin.ts), so that a new route is strict the day it is added; objects
 * that declare their own catch-all (records, passthrough) keep it.
 */
export function strictInput<T extends z.ZodType>(schema: T): T {
  return deepStrict(schema) as T;
}

function deepStrict(input: z.ZodType): z.ZodType {
  const cached = cache.get(input);
  if (cached) return cached;
  const schema = input as Schema;
  const def = schema._zod.def;
  let out: z.ZodType = input;
  switch (def.type) {
    case 'object': {
      const shape = def.shape as Record<string, z.ZodType>;
      const strictShape: Record<string, z.ZodType> = {};
      let changed = def.catchall === undefined;
      for (const [key, value] of Object.entries(shape)) {
        strictShape[key] = deepStrict(value);
        if (strictShape[key] !== value) changed = true;
      }
      if (changed) {
        out = cloneWith(schema, { shape: strictShape, catchall: def.catchall ?? z.never() });
      }
      break;
    }
    case 'optional':
    case 'nullable':
    case 'default':
    case 'prefault':
    case 'nonoptional':
    case 'readonly':
    case 'catch':
      out = rewrap(schema, 'innerType');
      break;
    case 'array':
      out = rewrap(schema, 'element');
      break;
    case 'record':
      out = rewrap(schema, 'valueType');
      break;
    case 'pipe':
      out = rewrap(schema, 'in');
      break;
    case 'intersection': {
      // Each side of an intersection sees only its own keys: strict sides would refuse each other's.
      break;
    }
    case 'union': {
      const options = def.options as z.ZodType[];
      const strict = options.map(deepStrict);
      if (strict.some((o, i) => o !== options[i])) out = cloneWith(schema, { options: strict });
      break;
    }
    default:
      break;
  }
  cache.set(input, out);
  return out;
}

function rewrap(schema: Schema, key: string): z.ZodType {
  const inner = schema._zod.def[key] as z.ZodType;
  const strict = deepStrict(inner);
  return strict === inner ? schema : cloneWith(schema, { [key]: strict });
}
