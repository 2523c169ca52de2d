import autocannon from 'autocannon';

/** What the benchmark asks of the load process. */
export interface LoadJob {
  url: string;
  connections: number;
  seconds: number;
  /** Request bodies, sent in turn across all connections. */
  bodies: string[];
  /** Bearer tokens, sent in turn (signed-in viewers); none: anonymous requests. */
  tokens?: string[];
}

export interface LoadResult {
  requests: number;
  /** Requests answered in all, the warm-up's included: what the servers spent their CPU on. */
  answered: number;
  /** Seconds measured (the warm-up excluded). */
  seconds: number;
  /** Latency of every measured request, in milliseconds. */
  latencies: number[];
  /** Connection errors, timeouts and non-2xx answers. */
  failures: number;
}

/** Runs autocannon for one job, after a short warm-up that is not measured. */
async function runLoad(job: LoadJob): Promise<LoadResult> {
  let next = 0;
  const tokens = job.tokens ?? [];
  const latencies: number[] = [];
  const instance = autocannon({
    url: job.url,
    connections: job.connections,
    duration: job.seconds,
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    requests: [
      {
        setupRequest: (request) => {
          const i = next++;
          return {
            ...request,
            body: job.bodies[i % job.bodies.length] as string,
            ...(tokens.length > 0
              ? {
                  headers: {
                    'content-type': 'application/json',
                    authorization: `Bearer ${tokens[i % tokens.length]}`,
                  },
                }
              : {}),
          };
        },
      },
    ],
    warmup: { connections: job.connections, duration: 2 },
  });
  instance.on('response', (_client, _status, _bytes, ms) => latencies.push(ms));
  const result = await instance;
  return {
    requests: result.requests.total,
    answered: result.requests.total + (result.warmup?.requests.total ?? 0),
    seconds: result.duration,
    latencies,
    failures: result.errors + result.timeouts + result.non2xx,
  };
}

// Forked by the benchmark so the load generator does not share an event loop with the servers.
if (process.send) {
  process.once('message', (job: LoadJob) => {
    runLoad(job).then(
      (result) => process.send?.(result, () => process.exit(0)),
      (error: unknown) => {
        process.stderr.write(`load generator failed: ${String(error)}\n`);
        process.exit(1);
      },
    );
  });
}
