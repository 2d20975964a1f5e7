import { createServer, type IncomingHttpHeaders } from 'node:http';
import type { AddressInfo } from 'node:net';

/** What the fake gateway received: one entry per request. */
export type ReceivedRequest = {
  method: string;
  path: string;
  headers: IncomingHttpHeaders;
  form: Record<string, string>;
};

/** How the fake answers the next requests. */
export type FakeBehaviour =
  | { kind: 'success'; messageId: string }
  | { kind: 'status'; status: number; body: string }
  | { kind: 'rejected'; status: string; statusCode: number }
  | { kind: 'hang' };

/**
 * Africa's Talking's bulk SMS endpoint, played on 127.0.0.1 (no internet): records each request
 * and answers as told, with the JSON their API documents.
 */
export async function startFakeAfricasTalking() {
  const received: ReceivedRequest[] = [];
  let behaviour: FakeBehaviour = { kind: 'success', messageId: 'ATXid_0' };
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      received.push({
        method: req.method ?? '',
        path: req.url ?? '',
        headers: req.headers,
        form: Object.fromEntries(new URLSearchParams(Buffer.concat(chunks).toString('utf8'))),
      });
      const b = behaviour;
      if (b.kind === 'hang') return; // never answers: the client's timeout must end it
      if (b.kind === 'status') {
        res.writeHead(b.status, { 'content-type': 'text/plain' }).end(b.body);
        return;
      }
      const recipient =
        b.kind === 'success'
          ? {
              statusCode: 101,
              number: '+250780000000',
              status: 'Success',
              cost: 'RWF 15',
              messageId: b.messageId,
            }
          : {
              statusCode: b.statusCode,
              number: '+250780000000',
              status: b.status,
              cost: '0',
              messageId: 'None',
            };
      res
        .writeHead(201, { 'content-type': 'application/json' })
        .end(JSON.stringify({ SMSMessageData: { Message: 'Sent to 1/1', Recipients: [recipient] } }));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    baseUrl: `http://127.0.0.1:${port}`,
    received,
    answer(next: FakeBehaviour) {
      behaviour = next;
    },
    async close() {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
export type FakeAfricasTalking = Awaited<ReturnType<typeof startFakeAfricasTalking>>;
