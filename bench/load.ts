import autocannon from "autocannon";

export type LoadOptions = {
  url: string;
  headers: Record<string, string>;
  /** POST bodies, sent in turn: every request carries the next one (and so the next key). */
  bodies: string[];
  seconds: number;
  connections: number;
  /** Requests per second across all connections; unset: as fast as the server answers. */
  overallRate?: number;
};

export type LoadResult = {
  rps: number;
  /** Milliseconds, from each request written to its response read, at µs resolution. */
  p50: number;
  p99: number;
  responses: number;
  errors: number;
  non2xx: number;
};

/** Grows as needed; a run of 8 s at 50,000 rps holds 400,000 samples. */
class Samples {
  private values = new Float64Array(1 << 16);
  private size = 0;

  add(value: number) {
    if (this.size === this.values.length) {
      const bigger = new Float64Array(this.values.length * 2);
      bigger.set(this.values);
      this.values = bigger;
    }
    this.values[this.size++] = value;
  }

  percentile(p: number): number {
    if (this.size === 0) return Number.NaN;
    const sorted = this.values.slice(0, this.size).sort();
    return sorted[Math.min(this.size - 1, Math.floor((p / 100) * this.size))] as number;
  }

  get count() {
    return this.size;
  }
}

/**
 * One autocannon run. Latencies are recorded here rather than taken from autocannon's histogram,
 * which keeps whole milliseconds only: sub-millisecond medians would all read 0 or 1.
 */
export function runLoad(options: LoadOptions): Promise<LoadResult> {
  const { bodies } = options;
  const samples = new Samples();
  let next = 0;
  return new Promise((resolve, reject) => {
    const instance = autocannon(
      {
        url: options.url,
        method: "POST",
        headers: { "content-type": "application/json", ...options.headers },
        connections: options.connections,
        duration: options.seconds,
        overallRate: options.overallRate,
        requests: [{ setupRequest: (request) => ({ ...request, body: bodies[next++ % bodies.length] }) }],
      },
      (error, result) => {
        if (error) return reject(error);
        resolve({
          rps: samples.count / (result.duration || options.seconds),
          p50: samples.percentile(50),
          p99: samples.percentile(99),
          responses: samples.count,
          errors: result.errors + result.timeouts,
          non2xx: result.non2xx,
        });
      },
    );
    instance.on("response", (_client, _status, _bytes, responseTime) => samples.add(responseTime));
  });
}
