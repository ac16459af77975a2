// Before measuring, proves each scenario decides what it claims: a benchmark of refusals
// labelled "all admitted" (or the reverse) would be worse than none.
import type { BenchData } from "./bench-data";

type Decision = { allowed: boolean; status: number };

async function decide(url: string, token: string, body: string): Promise<Decision> {
  const response = await fetch(url, {
    method: "POST",
    headers: { "content-type": "application/json", authorization: `Bearer ${token}` },
    body,
  });
  if (!response.ok) throw new Error(`${url} answered HTTP ${response.status}: ${await response.text()}`);
  return (await response.json()) as Decision;
}

async function decideAll(url: string, token: string, bodies: string[]): Promise<Decision[]> {
  const decisions: Decision[] = [];
  for (let i = 0; i < bodies.length; i += 50) {
    decisions.push(...(await Promise.all(bodies.slice(i, i + 50).map((body) => decide(url, token, body)))));
  }
  return decisions;
}

/** Every admitted-mix body is allowed. */
export async function verifyAllAdmitted(url: string, data: BenchData, sample = 300): Promise<void> {
  const refused = (await decideAll(url, data.serviceToken, data.admittedBodies.slice(0, sample))).filter(
    (d) => !d.allowed,
  );
  if (refused.length)
    throw new Error(`${url}: ${refused.length} of ${sample} "admitted" checks were refused`);
}

/** Once capped keys have used their unit, exactly their bodies (about 90 %) are refused with 429. */
export async function verifyOverLimit(url: string, data: BenchData, sample = 500): Promise<number> {
  const bodies = data.overLimitBodies.slice(0, sample);
  const capped = new Set(data.keys.filter((k) => k.capped).map((k) => k.secret));
  await decideAll(url, data.serviceToken, bodies); // each capped key spends its one unit
  const decisions = await decideAll(url, data.serviceToken, bodies);
  const wrong = decisions.filter((d, i) => {
    const isCapped = capped.has((JSON.parse(bodies[i] as string) as { key: string }).key);
    return isCapped ? d.allowed || d.status !== 429 : !d.allowed;
  });
  if (wrong.length) throw new Error(`${url}: ${wrong.length} of ${sample} over-limit checks decided wrongly`);
  return decisions.filter((d) => !d.allowed).length / sample;
}
