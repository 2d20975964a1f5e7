import assert from 'node:assert/strict';
import { it } from 'node:test';
import { describeEachDatabase } from '../support/app.ts';
import { joined, tokenOf } from '../support/ussd.ts';

const HER_PIN = '58203';
const HIS_PIN = '71946';

describeEachDatabase('USSD: her people', (get) => {
  it('she makes the code, her father enters it, she confirms; a wrong code is refused', async () => {
    const t = get();
    const girl = await joined(t, { name: 'Aline', role: 'girl', birthYear: 2007, pin: HER_PIN });
    const father = await joined(t, { name: 'Papa', role: 'parent', birthYear: 1980, pin: HIS_PIN });

    const shown = await girl.send('11', '1', '2');
    const code = /\b(\d{4}) (\d{4})\b/.exec(shown);
    assert.ok(code, shown);
    assert.ok(
      shown.startsWith(
        `CON Give this code to your parent or guardian: ${code[0]}. It works for 24 hours. Then confirm the link here in My people.\n`,
      ),
      shown,
    );

    // A wrong code first: the one answer for every bad code; then hers, typed with its space.
    assert.match(await father.send('4', '1', '1'), /^CON Enter the 8-digit code you were given:/);
    assert.match(
      await father.send('12345678'),
      /^CON That code is not valid, was used already or has expired\./,
    );
    const entered = await father.send(code[0]);
    assert.match(
      entered,
      /^CON Done\. The link starts when the person who gave you the code confirms it\.\n/,
    );
    assert.match(entered, /\n2 Code entered: waiting to be confirmed\n/);
    assert.equal(entered.includes('Aline'), false, 'the code names nobody until its maker confirms');

    const people = await girl.send('00', '11');
    assert.match(people, /^CON Who sees your data:\n1 Link a parent\n2 Papa: waiting for you\n/);
    assert.match(await girl.send('2'), /^CON Papa entered your code\. Link with them\?\n1 Yes\n2 No\n/);
    assert.match(
      await girl.send('1'),
      /^CON Done\. You are now linked\.\nWho sees your data:\n1 Link a parent\n2 Papa: next period\n/,
    );

    const token = await tokenOf(t, girl, HER_PIN);
    const links = (await t.request({ method: 'GET', url: '/api/v1/care/links', token })).json().links;
    assert.deepEqual(
      links.map((l: { status: string; person: { name: string }; scopes: string[] }) => [
        l.status,
        l.person.name,
        l.scopes,
      ]),
      [['active', 'Papa', ['prediction']]],
    );
    // What he sees is what she shares, in her words on her list.
    const share = await t.request({
      method: 'PUT',
      url: `/api/v1/care/links/${links[0].id}/sharing`,
      token,
      body: { scopes: ['prediction', 'periods', 'appointments'] },
    });
    assert.equal(share.statusCode, 200, share.body);
    assert.match(await girl.send('0', '00', '11'), /\n2 Papa: next period, period dates, visits\n/);
  });

  it('she declines a pending link: it is gone for both', async () => {
    const t = get();
    const girl = await joined(t, { name: 'Aline', role: 'girl', birthYear: 2007, pin: HER_PIN });
    const father = await joined(t, { name: 'Papa', role: 'parent', birthYear: 1980, pin: HIS_PIN });
    const code = /\b(\d{4}) (\d{4})\b/.exec(await girl.send('11', '1', '2'))?.[0];
    assert.ok(code);
    await father.send('4', '1', '1', code);
    await girl.send('00', '11', '2');
    assert.match(await girl.send('2'), /^CON Done\. The link is removed\.\nNobody sees your data\./);
    assert.match(await father.send('00', '4'), /^CON No child is linked with you yet\./);
  });

  it('the guardian who consented for a girl under 16 stays linked: she is told why it cannot be removed', async () => {
    const t = get();
    const girl = await joined(t, { name: 'Ineza', role: 'girl', birthYear: 2012, pin: HER_PIN });
    const code = /: (\d{8})\./.exec(await girl.send('8'))?.[1];
    assert.ok(code, 'the consent code for her parent');
    const mother = await joined(t, { name: 'Mama', role: 'parent', birthYear: 1985, pin: HIS_PIN });
    assert.match(await mother.send('1', code), /consent is recorded/);

    // Linked at once by her consent: prediction and health alerts, which she cannot take away.
    const people = await girl.send('00', '11');
    assert.match(people, /\n2 Mama: next period, health alerts\n/);
    assert.match(await girl.send('2'), /^CON Mama sees: next period, health alerts\.\n1 Remove this link\n/);
    assert.match(await girl.send('1'), /^CON Remove Mama\? They will no longer see anything of yours\./);
    const refused = await girl.send('1');
    assert.match(
      refused,
      /^CON Mama gave the consent you need under 16: this link stays until you are 16\.\nWho sees your data:\n1 Link a parent\n2 Mama: next period, health alerts\n/,
    );
    const token = await tokenOf(t, girl, HER_PIN);
    const links = (await t.request({ method: 'GET', url: '/api/v1/care/links', token })).json().links;
    assert.equal(links.length, 1, 'still linked');

    // Her mother sees her next period (here: not enough logged yet), and may unlink herself.
    const seen = await mother.send('00', '4', '2');
    assert.match(seen, /^CON Ineza, next period:\nNot enough logged yet to tell\.\n1 Remove this link\n/);
    assert.match(
      await mother.send('1', '1'),
      /^CON Done\. The link is removed\.\nNo child is linked with you yet\./,
    );
  });
});
