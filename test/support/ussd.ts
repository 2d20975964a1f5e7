import { randomUUID } from 'node:crypto';
import type { FastifyInstance } from 'fastify';

/**
 * A phone on the gateway: each `send` adds an input and posts the whole `text` so far, as
 * Africa's Talking does. `hangUp` starts a new session id for the next dial.
 */
export function phone(
  app: () => FastifyInstance,
  number: string,
  opts: { path?: string; headers?: Record<string, string> } = {},
) {
  let sessionId = randomUUID();
  let inputs: string[] = [];
  async function post(text: string) {
    const res = await app().inject({
      method: 'POST',
      url: opts.path ?? '/ussd',
      headers: { 'content-type': 'application/x-www-form-urlencoded', ...opts.headers },
      payload: new URLSearchParams({
        sessionId,
        serviceCode: '*123#',
        phoneNumber: number,
        networkCode: '63510',
        text,
      }).toString(),
    });
    return res;
  }
  return {
    number,
    get sessionId() {
      return sessionId;
    },
    async dial(): Promise<string> {
      inputs = [];
      return (await post('')).body;
    },
    async send(...answers: string[]): Promise<string> {
      let last = '';
      for (const answer of answers) {
        inputs.push(answer);
        const res = await post(inputs.join('*'));
        if (res.statusCode !== 200) throw new Error(`USSD ${res.statusCode}: ${res.body}`);
        last = res.body;
      }
      return last;
    },
    /** Posts the current text again, as a gateway retry does. */
    retry: async () => (await post(inputs.join('*'))).body,
    raw: post,
    /** Ends the call; the gateway reports it unless the line dropped (then it can be resumed). */
    async hangUp(how: 'ended' | 'dropped' = 'ended') {
      if (how === 'ended') {
        await app().inject({
          method: 'POST',
          url: `${opts.path ?? '/ussd'}/events`,
          headers: { 'content-type': 'application/x-www-form-urlencoded', ...opts.headers },
          payload: new URLSearchParams({ sessionId, status: 'Success', phoneNumber: number }).toString(),
        });
      }
      sessionId = randomUUID();
      inputs = [];
    },
  };
}
