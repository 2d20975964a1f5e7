import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { type CareDeps, createCareEffects } from '../../src/channels/ussd/effects-care.ts';
import { type InputContext, noticeText } from '../../src/channels/ussd/flow.ts';
import { applyResult, renderScreen, step } from '../../src/channels/ussd/menu.ts';
import type { HopEnv, UssdState } from '../../src/channels/ussd/state.ts';
import { AppError } from '../../src/platform/http/errors.ts';
import { LANGUAGES, translate } from '../../src/platform/i18n/index.ts';
import type { RequestContext } from '../../src/platform/request-context.ts';
import { describeEachDatabase } from '../support/app.ts';
import { joined, signedInByRest } from '../support/ussd.ts';

const NOW = new Date('2026-11-28T08:00:00Z');
const env: HopEnv = { today: '2026-11-28', now: NOW };
const ctx = {
  requestId: 'refusals',
  channel: 'ussd',
  ip: '127.0.0.1',
  userAgent: undefined,
} as RequestContext;
const girl = { id: 'u1', role: 'adolescent' as const };
const parent = { id: 'u2', role: 'parent' as const };
const refuse = async (): Promise<never> => {
  // A refusal the phone has no words of its own for (a rule added to the service later).
  throw new AppError('validation_failed', 'A rule the phone does not know');
};

/** The real care effects on services that refuse every change and every read of hers. */
const effects = createCareEffects({
  clock: () => NOW,
  consents: { healthDataAllowed: async () => true, guardianConsentAge: 16 },
  care: {
    listLinks: async () => [],
    createCode: refuse,
    enterCode: refuse,
    confirm: refuse,
    unlink: refuse,
    childView: refuse,
  },
  providers: { directory: async () => [], profileRow: async () => undefined },
  slots: { freeDays: refuse, providerSlots: refuse },
  appointments: { book: refuse, listMine: async () => [], cancel: refuse },
} as unknown as CareDeps);

/** One hop as the gateway runs it, without the session store: the menu engine, then its effect. */
async function hop(state: UssdState, input: string): Promise<{ state: UssdState; text: string }> {
  const context: InputContext = { env, inputs: [input] };
  const outcome = step(state, input, context);
  const next = outcome.effect
    ? applyResult(outcome.state, await effects(outcome.effect as never, outcome.state, ctx))
    : outcome.state;
  return { state: next, text: renderScreen(next, env).text };
}

const base = (lang: UssdState['lang']): Omit<UssdState, 'screen'> => ({
  lang,
  phone: '+250788000000',
  known: true,
  stack: [],
  page: 0,
  form: {},
  user: girl,
});

describe('USSD: a refusal the phone does not know is said, and the call goes on', () => {
  for (const lang of LANGUAGES) {
    const tr = (key: Parameters<typeof translate>[1]) => translate(lang, key);
    it(`booking refused: she is told in her language, stays on the question, and 0 goes back (${lang})`, async () => {
      const state: UssdState = {
        ...base(lang),
        screen: 'book_confirm',
        stack: ['menu', 'book_district', 'book_provider', 'book_day', 'book_slot', 'book_reason'],
        form: {
          district: 'gasabo',
          providerId: 'p1',
          day: '2026-11-29',
          slot: '2026-11-29T06:30:00.000Z',
          reason: 'pain',
        },
        lists: {
          providers: [{ id: 'p1', name: 'Dr Uwase', facility: 'Kacyiru' }],
          slots: [{ start: '2026-11-29T06:30:00.000Z', time: '08:30' }],
        },
      };
      const question = renderScreen(state, env).text.replace(/^CON /, '');
      const refused = await hop(state, '1');
      assert.equal(refused.text, `CON ${tr('common.refused')}\n${question}`);
      assert.equal(refused.state.screen, 'book_confirm');
      const back = await hop(refused.state, '0');
      assert.ok(back.text.startsWith(`CON ${tr('book.reason')}\n`), back.text);
    });

    it(`cancelling refused: told, still on the question, with its way back (${lang})`, async () => {
      const visit = {
        id: 'a1',
        start: '2026-12-01T06:30:00.000Z',
        changeableUntil: '2026-12-01T04:30:00.000Z',
        date: '2026-12-01',
        time: '08:30',
        provider: 'Dr Uwase',
        facility: 'Kacyiru',
        status: 'requested',
      };
      const state: UssdState = {
        ...base(lang),
        screen: 'appt_cancel',
        stack: ['menu', 'appts', 'appt'],
        form: { appointmentId: 'a1' },
        lists: { appointments: [visit] },
      };
      const refused = await hop(state, '1');
      assert.ok(refused.text.startsWith(`CON ${tr('common.refused')}\n`), refused.text);
      assert.equal(refused.state.screen, 'appt_cancel');
      assert.ok(refused.text.includes(`\n0 ${tr('nav.back')}`), refused.text);
    });
  }

  it('a read of her refused: what he saw of her before is not shown again', async () => {
    const state: UssdState = {
      ...base('en'),
      user: parent,
      screen: 'child',
      stack: ['menu', 'people'],
      form: { linkId: 'l1' },
      lists: {
        people: [{ linkId: 'l1', name: 'Aline', status: 'active', awaitingYou: false, childId: 'c1' }],
      },
      view: { paragraphs: ['Aline, next period:', 'Around 8 Dec (between 5 Dec and 11 Dec).'] },
    };
    const wrong = await hop(state, '7');
    assert.ok(wrong.text.startsWith(`CON ${translate('en', 'common.refused')}\n`), wrong.text);
    assert.ok(!wrong.text.includes('8 Dec'), wrong.text);
    assert.equal(noticeText('en', { key: 'common.refused' }), 'Sorry, that could not be done.');
  });
});

describeEachDatabase('USSD: when a hop fails', (get) => {
  it('the polite END is in the language of her call', async () => {
    const t = get();
    const p = await joined(t, { name: 'Aline', role: 'girl', pin: '58203', lang: 'fr' });
    assert.match(await p.send('1', '3', '0111'), /^CON /);
    const { id } = await signedInByRest(t, p, '58203');
    // Her data key is gone (a broken key store): reading her prediction fails, a bug and not a refusal.
    await t.db.raw('DELETE FROM user_keys WHERE user_id = $1', [id]);
    const failed = await p.send('00', '4');
    assert.equal(failed, `END ${translate('fr', 'common.busy')}`);
  });
});
