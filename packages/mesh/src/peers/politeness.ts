/**
 * Perfect-negotiation roles from a deterministic peerId comparison: exactly one side of every pair
 * is polite (the one with the greater peerId). Both sides compute the same answer independently.
 *
 * @example
 * isPolite('a', 'b'); // false: 'a' is impolite towards 'b'
 * isPolite('b', 'a'); // true
 */
export function isPolite(localPeerId: string, remotePeerId: string): boolean {
  if (localPeerId === remotePeerId) throw new Error('A peer cannot negotiate with itself');
  return localPeerId > remotePeerId;
}
