/** The part of autocannon 9's programmatic API the benchmark uses (the package ships no types). */
declare module 'autocannon' {
  import type { EventEmitter } from 'node:events';

  interface Request {
    method?: string;
    path?: string;
    headers?: Record<string, string>;
    body?: string;
  }

  interface RequestSpec extends Request {
    setupRequest?: (request: Request) => Request;
    /** Called with each answer's status and body. */
    onResponse?: (status: number, body?: string) => void;
  }

  interface Options {
    url: string;
    connections: number;
    duration: number;
    /** Requests to send in all; when set, `duration` is ignored. */
    amount?: number;
    method?: string;
    headers?: Record<string, string>;
    requests?: RequestSpec[];
    warmup?: { connections: number; duration: number };
  }

  interface Result {
    requests: { total: number };
    /** Seconds the measured run took. */
    duration: number;
    errors: number;
    timeouts: number;
    non2xx: number;
    /** The warm-up's own result, when there was one. */
    warmup?: { requests: { total: number } };
  }

  interface Instance extends EventEmitter, PromiseLike<Result> {
    /** Ends the run at the next sample tick. */
    stop(): void;
    on(
      event: 'response',
      listener: (client: unknown, status: number, bytes: number, ms: number) => void,
    ): this;
  }

  function autocannon(options: Options): Instance;
  export default autocannon;
}
