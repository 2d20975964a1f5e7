import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import type { FastifyInstance } from 'fastify';
import type { Language } from '../../src/platform/db/tables.ts';
import { LANGUAGES } from '../../src/platform/i18n/index.ts';
import type { TestApp } from './app.ts';
import { uniquePhone } from './factories.ts';

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

export type Phone = ReturnType<typeof phone>;

/**
 * Someone who joined by phone, now at the main menu: a girl (born 2007 unless told) or a parent
 * (born 1985), in a language (English unless told), with a PIN.
 */
export async function joined(
  t: TestApp,
  who: { name: string; role: 'girl' | 'parent'; pin: string; birthYear?: number; lang?: Language },
): Promise<Phone> {
  const p = phone(() => t.app, uniquePhone());
  const language = String(LANGUAGES.indexOf(who.lang ?? 'en') + 1);
  const role = who.role === 'girl' ? '1' : '2';
  const born = String(who.birthYear ?? (who.role === 'girl' ? 2007 : 1985));
  await p.dial();
  const menu = await p.send(language, who.name, role, born, '1', who.pin, who.pin);
  assert.match(menu, /^CON /, menu);
  return p;
}

/** The REST sign-in of someone who joined by phone: her access token and id. */
export async function signedInByRest(
  t: TestApp,
  p: Phone,
  pin: string,
): Promise<{ token: string; id: string }> {
  const login = await t.request({
    method: 'POST',
    url: '/api/v1/auth/login',
    body: { identifier: p.number, pin },
  });
  assert.equal(login.statusCode, 200, login.body);
  return { token: login.json().accessToken, id: login.json().user.id };
}

/** The REST access token of someone who joined by phone. */
export const tokenOf = async (t: TestApp, p: Phone, pin: string): Promise<string> =>
  (await signedInByRest(t, p, pin)).token;

/** The number a screen shows for a label ("3 08:30" → "3"). */
export function numberOf(screen: string, label: string): string {
  const line = screen.split('\n').find((l) => l.replace(/^\d{1,2} /, '') === label);
  assert.ok(line, `"${label}" is not on the screen:\n${screen}`);
  return line.split(' ')[0] as string;
}

/** Every page of a paged screen, following "98" to the end. */
export async function allPages(p: Phone, first: string): Promise<string[]> {
  const pages = [first];
  while (/\n98 /.test(pages.at(-1) ?? '')) pages.push(await p.send('98'));
  return pages;
}
