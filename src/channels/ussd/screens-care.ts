import { type MessageKey, translate as tr } from '../../platform/i18n/index.ts';
import { go, home, replace, type Screen, stay, withEffect, yesNo } from './flow.ts';
import type { Notice, PersonItem, ScreenId, UssdState } from './state.ts';

/** A link code: 8 digits, typed with or without the space the screen shows ("4821 7730"). */
const LINK_CODE = /^[0-9]{8}$/;

const isParent = (s: UssdState) => s.user?.role === 'parent';

/** The person chosen on the list (by her link's id), if still on it. */
export function chosenPerson(s: UssdState): PersonItem | undefined {
  return s.lists?.people?.find((p) => p.linkId === s.form.linkId);
}

/** What a person sees, in her words: "next period, health alerts" (or "nothing"). */
export function seesText(s: UssdState, scopes: readonly string[] | undefined): string {
  if (!scopes || scopes.length === 0) return tr(s.lang, 'people.nothing');
  return scopes.map((scope) => tr(s.lang, `scope.${scope}` as MessageKey)).join(', ');
}

function personLabel(s: UssdState, p: PersonItem): string {
  const name = clip(p.name, 30);
  // Whoever entered a code is not told whose it was until its maker confirms.
  if (p.status === 'pending')
    return p.awaitingYou ? tr(s.lang, 'people.waiting_you', { name }) : tr(s.lang, 'people.waiting_them');
  // A parent's list names his children only: what each shares is read when he opens it.
  if (isParent(s)) return name;
  return clip(tr(s.lang, 'people.item', { name, what: seesText(s, p.scopes) }), 60);
}

/** Text cut to `max` characters (names typed elsewhere may be long for a phone's line). */
export function clip(text: string, max: number): string {
  return text.length <= max ? text : `${text.slice(0, max - 2).trimEnd()}..`;
}

/**
 * Back to an earlier screen of this flow (as if `0` were pressed until there), with a notice.
 * Used after an effect changed what that screen lists.
 */
export function backTo(s: UssdState, screen: ScreenId, notice?: Notice): UssdState {
  const at = s.stack.lastIndexOf(screen);
  const { notice: _n, view: _v, ...rest } = s;
  const stack = at >= 0 ? s.stack.slice(0, at) : s.stack;
  return { ...rest, screen, stack, page: 0, ...(notice ? { notice } : {}) };
}

/** Where an unlink or confirmation lands: the refreshed list, saying what happened. */
function afterLinkChange(s: UssdState, outcome: string, params?: Record<string, string | number>): UssdState {
  const person = chosenPerson(s);
  const name = person?.name ?? '';
  if (outcome === 'removed') return backTo(s, 'people', { key: 'people.removed' });
  if (outcome === 'confirmed') return backTo(s, 'people', { key: 'people.linked' });
  // Her consenting guardian while she is under the age: why not, above her list (nothing to retry).
  if (outcome === 'fixed')
    return backTo(s, 'people', { key: 'people.fixed', params: { name, age: Number(params?.age ?? 16) } });
  return backTo(s, 'people', { key: 'people.gone' });
}

export const careScreens: Partial<Record<ScreenId, Screen>> = {
  /**
   * Hers: who sees her data and what. A parent's: his children. Adding a link is always 1; each
   * person follows in the order the service lists them (oldest link first), so numbers hold.
   */
  people: {
    // Who is linked is read again on every hop that stays here, comes back here (`0`) or resumes
    // here after a dropped call: a link taken back is gone from the list on the very next hop.
    reload: () => ({ kind: 'loadPeople' }),
    text: (s) => {
      const none = (s.lists?.people ?? []).length === 0;
      if (isParent(s)) return tr(s.lang, none ? 'child.none' : 'child.title');
      return tr(s.lang, none ? 'people.none' : 'people.title');
    },
    choices: (s) => [
      { value: 'add', label: tr(s.lang, isParent(s) ? 'child.add' : 'people.add'), n: 1 },
      ...(s.lists?.people ?? []).map((p, i) => ({ value: p.linkId, label: personLabel(s, p), n: i + 2 })),
    ],
    next: (s, value) => {
      if (value === 'add') return { state: go(s, 'people_add') };
      const person = s.lists?.people?.find((p) => p.linkId === value);
      if (!person) return { state: stay(s, 'common.invalid_choice') };
      const at = { ...s, form: { ...s.form, linkId: person.linkId } };
      if (person.status === 'pending' && person.awaitingYou) return { state: go(at, 'person_confirm') };
      // His daughter's shared data is read now, through the care service, never kept from before.
      if (isParent(s) && person.status === 'active' && person.childId)
        return withEffect(go(at, 'child'), { kind: 'loadChild', childId: person.childId });
      return { state: go(at, 'person') };
    },
  },

  people_add: {
    text: (s) => tr(s.lang, isParent(s) ? 'child.add_title' : 'people.add_title'),
    choices: (s) => [
      { value: 'enter', label: tr(s.lang, 'people.add_enter') },
      { value: 'get', label: tr(s.lang, 'people.add_get') },
    ],
    next: (s, value) =>
      value === 'enter'
        ? { state: go(s, 'people_enter_code') }
        : withEffect(go(s, 'link_code'), { kind: 'createLinkCode' }),
  },

  people_enter_code: {
    text: (s) => tr(s.lang, 'people.code_prompt'),
    next: (s, value) => {
      const code = value.replace(/[\s-]/g, '');
      return LINK_CODE.test(code)
        ? withEffect(s, { kind: 'enterLinkCode', code })
        : { state: stay(s, 'guardian.code_invalid') };
    },
    after: (s, { outcome, params }) => {
      if (outcome === 'ok') return backTo(s, 'people', { key: 'people.code_entered' });
      if (outcome === 'already_linked') return stay(s, 'people.already_linked');
      if (outcome === 'locked')
        return backTo(s, 'people', { counted: 'people.too_many', n: Number(params?.minutes ?? 1) });
      return stay(s, 'guardian.code_invalid');
    },
  },

  // The code she (or he) gives to the other: shown once, as the effect made it.
  link_code: {
    text: (s) => (s.view?.paragraphs ?? []).join('\n'),
  },

  person: {
    text: (s) => {
      const p = chosenPerson(s);
      if (!p) return tr(s.lang, 'people.gone');
      if (p.status === 'pending') return tr(s.lang, 'people.pending_them');
      const name = clip(p.name, 30);
      return tr(s.lang, 'people.sees', { name, what: seesText(s, p.scopes) });
    },
    choices: (s) => (chosenPerson(s) ? [{ value: 'remove', label: tr(s.lang, 'people.remove') }] : []),
    next: (s) => ({ state: go(s, 'person_remove') }),
  },

  person_remove: {
    text: (s) => {
      const person = chosenPerson(s);
      if (person?.status === 'pending' && !person.awaitingYou) return tr(s.lang, 'people.cancel_ask');
      const name = clip(person?.name ?? '', 30);
      return tr(s.lang, isParent(s) ? 'child.remove_ask' : 'people.remove_ask', { name });
    },
    choices: yesNo,
    next: (s, value) => {
      const linkId = s.form.linkId;
      if (value !== 'yes' || !linkId) return { state: backTo(s, s.stack.at(-1) ?? 'people') };
      return withEffect(s, { kind: 'unlink', linkId });
    },
    after: (s, { outcome, params }) => afterLinkChange(s, outcome, params),
  },

  person_confirm: {
    text: (s) => tr(s.lang, 'people.confirm_ask', { name: clip(chosenPerson(s)?.name ?? '', 30) }),
    choices: yesNo,
    // No declines the link: it is removed, as if never entered.
    next: (s, value) => {
      const linkId = s.form.linkId;
      if (!linkId) return { state: home(s) };
      return withEffect(s, value === 'yes' ? { kind: 'confirmLink', linkId } : { kind: 'unlink', linkId });
    },
    after: (s, { outcome, params }) => afterLinkChange(s, outcome, params),
  },

  /**
   * A parent's view of one daughter: what she shares, read by this hop's effect. Any hop that
   * stays here reads it again (a page turned, a wrong answer); `0` forgets it.
   */
  child: {
    text: (s) => (s.view?.paragraphs ?? []).join('\n'),
    reload: (s) => {
      const childId = chosenPerson(s)?.childId;
      return childId ? { kind: 'loadChild', childId } : undefined;
    },
    choices: (s) => (s.view ? [{ value: 'remove', label: tr(s.lang, 'people.remove') }] : []),
    // Back from the question goes to his list, not to this view (which is not kept).
    next: (s) => ({ state: replace(s, 'person_remove') }),
    after: (s, { outcome }) =>
      outcome === 'not_linked' ? backTo(s, 'people', { key: 'child.not_linked' }) : s,
  },
};
