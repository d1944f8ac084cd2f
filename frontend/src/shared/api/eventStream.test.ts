import { EventStreamParser, type StreamEvent } from './eventStream';

describe('EventStreamParser', () => {
  it('splits named events, joins data lines and skips comments', () => {
    const events: StreamEvent[] = [];
    const parser = new EventStreamParser((event) => events.push(event));
    parser.push(':keep-alive\n\nevent:position\ndata:{"position":3}\n\ndata: a\ndata: b\n\n');
    expect(events).toEqual([
      { event: 'position', data: '{"position":3}' },
      { event: 'message', data: 'a\nb' },
    ]);
  });

  it('waits for the rest of an event split across chunks, CRLF included', () => {
    const events: StreamEvent[] = [];
    const parser = new EventStreamParser((event) => events.push(event));
    parser.push('event:adm');
    parser.push('itted\r');
    parser.push('\ndata:{"status":"ADMITTED"}\r\n');
    expect(events).toEqual([]);
    parser.push('\r\n');
    expect(events).toEqual([{ event: 'admitted', data: '{"status":"ADMITTED"}' }]);
  });
});
