import type { CallParticipant } from '@smartc/mesh';

/** True when `a` and `b` have the same keys with `Object.is`-equal values (one level deep). */
export function shallowEqual<T extends object>(a: T, b: T): boolean {
  if (Object.is(a, b)) return true;
  const keys = Object.keys(a) as Array<keyof T>;
  if (keys.length !== Object.keys(b).length) return false;
  return keys.every((key) => Object.is(a[key], b[key]));
}

type Quality = CallParticipant['quality'];

/** Same level and same reasons (a new report object with the same content is the same quality). */
export function sameQuality(a: Quality, b: Quality): boolean {
  if (a === b) return true;
  if (a === null || b === null) return false;
  return (
    a.level === b.level &&
    a.reasons.length === b.reasons.length &&
    a.reasons.every((reason, i) => reason === b.reasons[i])
  );
}
