/** Where the web reaches the validation API (the start command sets it). */
export function validationApiUrl(): string {
  return (process.env.VALIDATION_API_URL ?? "http://127.0.0.1:8787").replace(/\/+$/, "");
}

/**
 * Calls the validity-check endpoint with a pasted key, exactly as an integrator would, and
 * returns what they would see. The key is sent once and never stored or logged.
 */
export async function testKey(secret: string): Promise<{ status: number; body: string }> {
  try {
    const response = await fetch(`${validationApiUrl()}/v1/keys/self`, {
      headers: { authorization: `Bearer ${secret}` },
      signal: AbortSignal.timeout(3_000),
    });
    const text = await response.text();
    let body = text;
    try {
      body = JSON.stringify(JSON.parse(text), null, 2);
    } catch {
      // not JSON: show it as it came
    }
    return { status: response.status, body };
  } catch (error) {
    return { status: 0, body: `The validation API did not answer: ${(error as Error).message}` };
  }
}
