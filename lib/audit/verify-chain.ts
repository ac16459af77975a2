import { db } from "@/lib/db";
import { type AuditContent, auditHash, GENESIS_HASH } from "./hash";

export type ChainReport =
  | { ok: true; checked: number }
  | { ok: false; checked: number; seq: number; id: string | null; reason: string };

/**
 * Walks one chain in order and reports the first broken link: an edited row (its hash no longer
 * matches), a deleted row (a gap in seq, or the next row's prevHash points at nothing), or an
 * inserted row (its prevHash or hash does not fit).
 */
export async function verifyChain(chain: string): Promise<ChainReport> {
  const rows = await db().auditEvent.findMany({ where: { chain }, orderBy: { seq: "asc" } });
  let prevHash = GENESIS_HASH;
  for (const [i, row] of rows.entries()) {
    const expectedSeq = i + 1;
    const broken = (reason: string): ChainReport => ({
      ok: false,
      checked: i,
      seq: row.seq,
      id: row.id,
      reason,
    });
    if (row.seq !== expectedSeq)
      return broken(`expected seq ${expectedSeq}, found ${row.seq} (a row is missing)`);
    if (row.prevHash !== prevHash)
      return broken("prevHash does not match the previous row (row removed or inserted)");
    const { id: _id, hash, before, after, ...rest } = row;
    const content: AuditContent = { ...rest, before: before ?? null, after: after ?? null };
    if (auditHash(content) !== hash) return broken("content does not match its hash (row edited)");
    prevHash = hash;
  }
  return { ok: true, checked: rows.length };
}
