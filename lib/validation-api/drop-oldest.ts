/**
 * Makes room in a bounded Map by dropping the first-inserted tenth of `bound` (Map order is
 * insertion order), not everything at once.
 */
export function dropOldestTenth(map: Map<unknown, unknown>, bound: number) {
  let drop = Math.ceil(bound / 10);
  for (const key of map.keys()) {
    if (drop-- <= 0) break;
    map.delete(key);
  }
}
