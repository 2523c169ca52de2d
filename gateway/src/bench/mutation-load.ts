import autocannon from 'autocannon';

/**
 * What a mutation benchmark (checkout, call-off orders) asks of the load process: each request
 * acts as the next prepared user (its bearer token) with an idempotency key of its own, so a
 * run is bounded by the users prepared as well as by time.
 */
export interface MutationLoadJob {
  url: string;
  connections: number;
  /** Measured seconds at most. */
  seconds: number;
  /** Unmeasured requests first (at most 2 s), on users of their own. */
  warmupRequests: number;
  /** One bearer token per request, used in turn, each once. */
  tokens: string[];
  query: string;
  /**
   * The mutation's `input` as JSON, where the string "$KEY" becomes the request's idempotency
   * key and "$PICK" the next of `picks` (in turn).
   */
  inputTemplate: string;
  picks: string[];
  keyPrefix: string;
  /** The `__typename` of a successful answer. */
  success: string;
}

export interface MutationLoadResult {
  /** Measured answers. */
  requests: number;
  /** From the first request sent to the last answer received. */
  seconds: number;
  /** Latency of every measured request, in milliseconds. */
  latencies: number[];
  /** Connection errors, timeouts and non-2xx answers. */
  failures: number;
  /** Measured answers by the mutation's `__typename` (`errors` for GraphQL errors). */
  outcomes: Record<string, number>;
  /** One answer that was not a success, if any. */
  sample: string | null;
  /** True when the run ended because the prepared users ran out (not the time limit). */
  exhausted: boolean;
  /** Answers to the warm-up requests (not measured, but served). */
  warmup: number;
}

function outcomeOf(body: string | undefined): string {
  if (!body) return 'no body';
  if (body.includes('"errors"')) return 'errors';
  const match = /"__typename":"(\w+)"/.exec(body);
  return match?.[1] ?? 'unknown';
}

async function phase(
  job: MutationLoadJob,
  cursor: { next: number },
  amount: number,
  seconds: number,
): Promise<MutationLoadResult> {
  const query = JSON.stringify(job.query);
  const latencies: number[] = [];
  const outcomes: Record<string, number> = {};
  let sample: string | null = null;
  let last = 0;
  const start = performance.now();
  const instance = autocannon({
    url: job.url,
    connections: Math.min(job.connections, amount),
    amount,
    duration: seconds,
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    requests: [
      {
        setupRequest: (request) => {
          const i = cursor.next++;
          return {
            ...request,
            headers: {
              'content-type': 'application/json',
              authorization: `Bearer ${job.tokens[Math.min(i, job.tokens.length - 1)]}`,
            },
            body:
              `{"query":${query},"variables":{"input":` +
              job.inputTemplate
                .replace('"$KEY"', JSON.stringify(`${job.keyPrefix}-${i}`))
                .replace('"$PICK"', JSON.stringify(job.picks[i % (job.picks.length || 1)] ?? '')) +
              '}}',
          };
        },
        onResponse: (_status, body) => {
          last = performance.now();
          const outcome = outcomeOf(body);
          outcomes[outcome] = (outcomes[outcome] ?? 0) + 1;
          if (outcome !== job.success && sample === null) sample = body ?? null;
        },
      },
    ],
  });
  instance.on('response', (_client, _status, _bytes, ms) => latencies.push(ms));
  // `amount` makes autocannon ignore `duration`: the time limit is ours.
  const timer = setTimeout(() => instance.stop(), seconds * 1000);
  const result = await instance;
  clearTimeout(timer);
  const answered = Object.values(outcomes).reduce((n, c) => n + c, 0);
  return {
    requests: answered,
    seconds: ((last || performance.now()) - start) / 1000,
    latencies,
    failures: result.errors + result.timeouts + result.non2xx,
    outcomes,
    sample,
    exhausted: answered >= amount,
    warmup: 0,
  };
}

/** A short warm-up on users of its own, then the measured run on the rest. */
async function runLoad(job: MutationLoadJob): Promise<MutationLoadResult> {
  const cursor = { next: 0 };
  const warm = job.warmupRequests > 0 ? await phase(job, cursor, job.warmupRequests, 2) : null;
  // What the warm-up left in flight when its time was up finishes before the measured run.
  await new Promise((resolve) => setTimeout(resolve, 500));
  const measured = await phase(job, cursor, job.tokens.length - cursor.next, job.seconds);
  return { ...measured, warmup: warm?.requests ?? 0 };
}

// Forked by the benchmark so the load generator does not share an event loop with the servers.
if (process.send) {
  process.once('message', (job: MutationLoadJob) => {
    runLoad(job).then(
      (result) => process.send?.(result, () => process.exit(0)),
      (error: unknown) => {
        process.stderr.write(`load generator failed: ${String(error)}\n`);
        process.exit(1);
      },
    );
  });
}
