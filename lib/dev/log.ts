// Progress output for `npm start` and the seed: `▸ doing x… ok (1.2s)` on one line, unless
// something else prints meanwhile (child output), in which case the result gets its own line.

let openStep: string | null = null;

/** Prints one line, first closing a step line left open by `step()`. */
export function line(text: string, stream: NodeJS.WriteStream = process.stdout): void {
  closeOpenStep();
  stream.write(`${text}\n`);
}

function closeOpenStep(): void {
  if (openStep !== null) process.stdout.write("\n");
  openStep = null;
}

/** Runs `work` between `▸ label…` and its outcome. `outcome` turns the result into what is printed. */
export async function step<T>(
  label: string,
  work: () => Promise<T>,
  outcome?: (result: T) => string,
): Promise<T> {
  closeOpenStep();
  const started = Date.now();
  process.stdout.write(`▸ ${label}… `);
  openStep = label;
  try {
    const result = await work();
    finish(label, `${outcome ? outcome(result) : "ok"}${elapsed(started)}`);
    return result;
  } catch (error) {
    finish(label, "failed");
    throw error;
  }
}

function finish(label: string, outcome: string): void {
  if (openStep === label) process.stdout.write(`${outcome}\n`);
  else line(`▸ ${label}… ${outcome}`);
  openStep = null;
}

function elapsed(started: number): string {
  const ms = Date.now() - started;
  return ms < 1000 ? "" : ` (${(ms / 1000).toFixed(1)}s)`;
}

export function errorMessage(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
