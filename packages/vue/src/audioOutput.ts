import type { Call } from '@smartc/mesh';
import { type ShallowRef, shallowRef } from 'vue';

const outputs = new WeakMap<Call, ShallowRef<string | null>>();

/**
 * The speaker chosen for `call` (`useDevices().select('audiooutput', id)`), shared by every `VideoTile` of that call;
 * `null`: the system default.
 */
export function audioOutputOf(call: Call): ShallowRef<string | null> {
  let output = outputs.get(call);
  if (!output) {
    output = shallowRef<string | null>(null);
    outputs.set(call, output);
  }
  return output;
}
