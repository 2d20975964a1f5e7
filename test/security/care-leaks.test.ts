import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { describe, it } from 'node:test';
import type { Role } from '../../src/platform/db/tables.ts';
import { forbiddenTo, type Showing } from './care-cast.ts';
import type { Actor } from './fuzz-actors.ts';

/*
 * What the leak scans of the authorization matrix forbid each person of the care network to be
 * shown (test/security/care-cast.ts): checked here without a database, so that a scan made too
 * lenient fails here even while every route behaves.
 */

const person = (role: Role, name: string): Actor => ({
  id: randomUUID(),
  role,
  name: `${name} ${randomUUID().slice(0, 6)}`,
  email: `${name.toLowerCase().replace(/\s/g, '-')}-${randomUUID().slice(0, 6)}@test.invalid`,
  phone: `+25078${String(Math.floor(Math.random() * 1e7)).padStart(7, '0')}`,
  accessToken: '',
  refreshToken: '',
});

function network() {
  const her = person('adolescent', 'Aline');
  const cast = {
    adolescent: her,
    otherAdolescent: person('adolescent', 'Grace'),
    parent: person('parent', 'Never Linked'),
    provider: person('provider', 'Dr Verified'),
    writer: person('writer', 'Writer'),
    admin: person('admin', 'Admin'),
  };
  const linked = person('parent', 'Linked');
  const waiting = person('parent', 'Waiting');
  const unverified = person('provider', 'Dr Pending');
  const world = {
    owner: her,
    cast,
    target: person('parent', 'Target'),
    marker: `marker-${randomUUID()}`,
    people: [...Object.values(cast), linked, waiting, unverified],
  };
  const care = {
    unverifiedProvider: unverified,
    herWords: `her-words-${randomUUID()}`,
    herPeriodDates: ['2026-10-05', '2026-10-09'],
    knows: new Map([
      [her.id, new Set([linked.id, waiting.id, cast.provider.id])],
      [linked.id, new Set([her.id])],
    ]),
  };
  const shownTo = (viewer: Actor, showing: Showing = {}) => {
    const forbidden = forbiddenTo(world, care, viewer, showing).map((s) => s.value);
    return (value: string) => !forbidden.includes(value);
  };
  return { her, cast, linked, waiting, unverified, world, care, shownTo };
}

describe('what the care network may be shown', () => {
  it("the directory may show a verified provider's name, never his email or phone, nor anything of an unverified one", () => {
    const { cast, unverified, shownTo } = network();
    const may = shownTo(cast.otherAdolescent, { reveals: 'providers' });
    assert.equal(may(cast.provider.name), true);
    assert.equal(may(cast.provider.email), false);
    assert.equal(may(cast.provider.phone.slice(-9)), false);
    assert.equal(may(unverified.name), false);
    assert.equal(may(unverified.email), false);
    // Outside the directory, not even a verified provider's name.
    assert.equal(shownTo(cast.otherAdolescent)(cast.provider.name), false);
  });

  it("an admin's review list may show every provider's name, never an email or phone", () => {
    const { cast, unverified, shownTo } = network();
    const may = shownTo(cast.admin, { reveals: 'provider-applicants' });
    assert.equal(may(unverified.name), true);
    assert.equal(may(unverified.email), false);
    assert.equal(may(unverified.phone.slice(-9)), false);
  });

  it('the parent she linked may be shown her name and id; never her contacts, notes, words or period dates', () => {
    const { her, linked, world, care, shownTo } = network();
    const may = shownTo(linked);
    assert.equal(may(her.name), true);
    assert.equal(may(her.id), true);
    for (const secret of [
      her.email,
      her.phone.slice(-9),
      world.marker,
      care.herWords,
      ...care.herPeriodDates,
    ])
      assert.equal(may(secret), false, secret);
  });

  it('a parent who entered her code, and one she never linked, may be shown nothing of hers', () => {
    const { her, cast, waiting, world, care, shownTo } = network();
    for (const viewer of [waiting, cast.parent]) {
      const may = shownTo(viewer);
      for (const secret of [her.name, her.id, her.email, world.marker, care.herWords, ...care.herPeriodDates])
        assert.equal(may(secret), false, `${viewer.name}: ${secret}`);
    }
  });

  it('her provider may read her words; her period dates only where her summary is his to see', () => {
    const { her, cast, care, shownTo } = network();
    assert.equal(shownTo(cast.provider)(care.herWords), true);
    assert.equal(shownTo(cast.provider)('2026-10-05'), false);
    assert.equal(shownTo(cast.provider, { summary: true })('2026-10-05'), true);
    assert.equal(shownTo(cast.provider)(her.name), false, 'her first name only, never her full name');
    assert.equal(shownTo(cast.otherAdolescent, { summary: true })('2026-10-05'), false);
  });

  it("she may see everything of hers and the names of those she linked or booked, never another person's contacts", () => {
    const { her, cast, linked, world, shownTo } = network();
    const may = shownTo(her);
    for (const mine of [her.name, her.email, world.marker]) assert.equal(may(mine), true);
    assert.equal(may(linked.name), true);
    assert.equal(may(cast.provider.name), true);
    assert.equal(may(linked.email), false);
    assert.equal(may(cast.provider.phone.slice(-9)), false);
    assert.equal(may(cast.otherAdolescent.name), false);
  });
});
