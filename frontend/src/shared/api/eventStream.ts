import { currentAccessToken, refreshSession } from '../../auth/session';
import { ApiProblem, parseRetryAfter, type ProblemBody } from './problem';
import { apiUrl } from './http';

/** One server-sent event: its name (`message` when the server gave none) and its data lines joined. */
export interface StreamEvent {
  event: string;
  data: string;
}

/**
 * Splits a text/event-stream into events. Chunks may end anywhere (mid-line, mid-CRLF); what is left over
 * waits for the next chunk. Comments (`:`) and fields other than `event`/`data` are skipped.
 */
export class EventStreamParser {
  private buffer = '';
  private eventName = '';
  private dataLines: string[] = [];

  constructor(private readonly onEvent: (event: StreamEvent) => void) {}

  push(chunk: string): void {
    this.buffer += chunk;
    for (;;) {
      const newline = this.buffer.search(/\r\n|\r|\n/);
      if (newline < 0) return;
      // a lone \r at the end may be the first half of \r\n: wait for more
      if (this.buffer[newline] === '\r' && newline === this.buffer.length - 1) return;
      const line = this.buffer.slice(0, newline);
      const width = this.buffer.startsWith('\r\n', newline) ? 2 : 1;
      this.buffer = this.buffer.slice(newline + width);
      this.line(line);
    }
  }

  private line(line: string): void {
    if (line === '') {
      if (this.dataLines.length > 0) this.onEvent({ event: this.eventName || 'message', data: this.dataLines.join('\n') });
      this.eventName = '';
      this.dataLines = [];
      return;
    }
    if (line.startsWith(':')) return;
    const colon = line.indexOf(':');
    const field = colon < 0 ? line : line.slice(0, colon);
    let value = colon < 0 ? '' : line.slice(colon + 1);
    if (value.startsWith(' ')) value = value.slice(1);
    if (field === 'event') this.eventName = value;
    else if (field === 'data') this.dataLines.push(value);
  }
}

/**
 * Follows a signed-in SSE endpoint until the server ends it (resolves) or it fails (rejects with an
 * ApiProblem). EventSource cannot send the bearer token, so this reads the stream through fetch; an expired
 * access token is refreshed once, like {@link api} does.
 */
export async function followEventStream(
  path: string,
  onEvent: (event: StreamEvent) => void,
  signal: AbortSignal,
): Promise<void> {
  for (let attempt = 0; ; attempt++) {
    const token = await currentAccessToken();
    const headers: Record<string, string> = { Accept: 'text/event-stream' };
    if (token) headers.Authorization = `Bearer ${token}`;
    let response: Response;
    try {
      response = await fetch(apiUrl(path), { headers, credentials: 'same-origin', signal, cache: 'no-store' });
    } catch (error) {
      if (signal.aborted) throw error;
      throw new ApiProblem(0, { code: 'network-error' });
    }
    if (response.status === 401 && token && attempt === 0 && (await refreshSession().catch(() => false))) continue;
    if (!response.ok || !response.body) {
      const problem = (await response.json().catch(() => ({}))) as ProblemBody;
      throw new ApiProblem(response.status, problem, parseRetryAfter(response.headers.get('Retry-After')));
    }
    const parser = new EventStreamParser(onEvent);
    const reader = response.body.pipeThrough(new TextDecoderStream()).getReader();
    try {
      for (;;) {
        const { value, done } = await reader.read();
        if (done) return;
        parser.push(value);
      }
    } catch (error) {
      if (signal.aborted) throw error;
      throw new ApiProblem(0, { code: 'network-error' });
    } finally {
      reader.releaseLock();
    }
  }
}
