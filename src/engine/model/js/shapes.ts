// Which keys a constant options object holds (`constants.azureOptions`, `{ ...config.openai }`, an object
// exported by another module), as plain data: enough to tell an option absent from one that can't be read.

import type { Node } from '../../parse/parser';
import { field, keyName, namedChildren, unwrap } from './syntax';

/**
 * The keys of an object literal: nested literals as shapes, any other value as `1`. `open` when a key
 * can't be read (a spread of an unknown value, a computed key, later mutation).
 */
export interface JsObjectShape {
  open?: true;
  keys: Record<string, JsObjectShape | 1>;
}

/** What a value node is, for the shape builder: an object literal, or a shape known elsewhere. */
export type ShapeSource = { node: Node } | { shape: JsObjectShape } | undefined;

const MAX_KEYS = 64;
const MAX_DEPTH = 3;
const has = (o: object, k: string): boolean => Object.prototype.hasOwnProperty.call(o, k);

/**
 * The shape of an object literal. `resolve` says what a value (a spread argument, a property value)
 * evaluates to; values it cannot resolve are leaves (or, spread, make the shape open).
 */
export function shapeOf(obj: Node, resolve: (value: Node) => ShapeSource, depth = 0): JsObjectShape {
  const keys: Record<string, JsObjectShape | 1> = {};
  let open = false;
  const nested = (value: Node): JsObjectShape | 1 => {
    const v = unwrap(value);
    if (depth >= MAX_DEPTH) return 1;
    if (v.type === 'object') return shapeOf(v, resolve, depth + 1);
    if (v.type !== 'identifier' && v.type !== 'member_expression' && v.type !== 'shorthand_property_identifier') return 1;
    const r = resolve(v);
    if (r && 'node' in r) return shapeOf(r.node, resolve, depth + 1);
    return r?.shape ?? 1;
  };
  for (const prop of namedChildren(unwrap(obj))) {
    if (prop.type === 'spread_element') {
      const arg = prop.namedChild(0);
      const r = arg && depth < MAX_DEPTH ? (unwrap(arg).type === 'object' ? { node: unwrap(arg) } : resolve(arg)) : undefined;
      const s = r ? ('node' in r ? shapeOf(r.node, resolve, depth + 1) : r.shape) : undefined;
      if (!s) {
        open = true;
        continue;
      }
      if (s.open) open = true;
      for (const [k, v] of Object.entries(s.keys)) keys[k] = v;
      continue;
    }
    const name = keyName(prop);
    if (name === undefined) {
      if (prop.type === 'pair') open = true;
      continue;
    }
    if (Object.keys(keys).length >= MAX_KEYS && !has(keys, name)) {
      open = true;
      continue;
    }
    if (prop.type === 'pair') {
      const value = field(prop, 'value');
      keys[name] = value ? nested(value) : 1;
    } else if (prop.type === 'shorthand_property_identifier') keys[name] = nested(prop);
    else keys[name] = 1;
  }
  return open ? { open: true, keys } : { keys };
}

/** Whether `path` is set in a shape: `present` (its value is not read), `absent`, or `unknown`. */
export function shapeLookup(shape: JsObjectShape, path: string[]): 'present' | 'absent' | 'unknown' {
  let s = shape;
  for (let i = 0; i < path.length; i++) {
    if (!has(s.keys, path[i])) return s.open ? 'unknown' : 'absent';
    const v = s.keys[path[i]];
    if (i === path.length - 1) return 'present';
    if (v === 1) return 'unknown';
    s = v;
  }
  return 'unknown';
}

/** The shape one key down (`constants.azureOptions`): a nested shape, or undefined when not one. */
export function shapeMember(shape: JsObjectShape, key: string): JsObjectShape | undefined {
  if (!has(shape.keys, key)) return undefined;
  const v = shape.keys[key];
  return v === 1 ? undefined : v;
}
