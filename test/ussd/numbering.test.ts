import assert from 'node:assert/strict';
import { it } from 'node:test';
import { describeEachDatabase } from '../support/app.ts';
import { uniquePhone } from '../support/factories.ts';
import { phone } from '../support/ussd.ts';

const PIN = '58203';

/** The numbered options of one or more screens, as "number label" (navigation left out). */
function options(...screens: string[]): string[] {
  return screens.flatMap((s) =>
    s
      .replace(/^(CON|END) /, '')
      .split('\n')
      .filter((line) => /^\d{1,2} /.test(line) && !/^(0|00|98) /.test(line)),
  );
}

const MENU = [
  '1 Log period start',
  '2 Log period end',
  '3 Log today',
  '4 My next period',
  '5 My cycle summary',
  '6 Health tips',
  '7 Settings',
  '9 Book a visit',
  '10 My visits',
  '11 My people',
];

/** A screen and its further pages ("98"), as the phone shows them one after the other. */
async function pagesFrom(p: ReturnType<typeof phone>, first: string): Promise<string[]> {
  const pages = [first];
  while (/\n98 /.test(pages.at(-1) ?? '')) pages.push(await p.send('98'));
  return pages;
}

describeEachDatabase('USSD: an option keeps its number from screen to screen', (get) => {
  it('the menu of a girl under 16 numbers her options as before and after her parent consents', async () => {
    const t = get();
    const girl = phone(() => t.app, uniquePhone());
    await girl.dial();
    await girl.send('1', 'Aline', '1', '2012', '1', PIN);
    const first = await girl.send(PIN);
    // Her one step until a parent consents, listed first so it is on the first page; still number 8.
    assert.match(
      first,
      /^CON Welcome, Aline! Your account is ready\.\nMain menu\n8 Code for my parent\n1 Log period start\n/,
    );
    assert.deepEqual(options(...(await pagesFrom(girl, first))), ['8 Code for my parent', ...MENU]);
    const code = /: (\d{8})\./.exec(await girl.send('8'))?.[1];
    assert.ok(code, 'the code for her parent');
    await girl.hangUp();

    const mother = phone(() => t.app, uniquePhone());
    await mother.dial();
    await mother.send('1', 'Mama', '2', '1985', '1', '71946');
    assert.match(await mother.send('71946'), /1 Consent for my child/);
    assert.match(await mother.send('1', code), /consent is recorded/);

    await girl.dial();
    const after = await girl.send(PIN);
    assert.deepEqual(options(...(await pagesFrom(girl, after))), MENU);
    assert.match(await girl.send('7'), /^CON Settings/, 'Settings is still 7');
  });

  it('a symptom keeps its number after another is chosen', async () => {
    const t = get();
    const p = phone(() => t.app, uniquePhone());
    await p.dial();
    await p.send('1', 'Aline', '1', '2006', '1', PIN);
    await p.send(PIN);
    const first = await p.send('3', '4'); // Log today → medium flow
    assert.match(first, /\n1 No more\n2 Cramps\n3 Headache\n/);
    const second = await p.send('2'); // Cramps
    assert.match(second, /^CON Chosen: Cramps\. Another\?\n1 No more\n3 Headache\n4 Backache\n/);
    assert.match(await p.send('2'), /^CON Please choose one of the numbers shown\./, '2 is gone, not reused');
    const third = await p.send('4'); // Backache, still 4
    assert.match(third, /Chosen: Cramps, Backache\. Another\?\n1 No more\n3 Headache\n5 Bloating\n/);
    // The second page keeps the numbers too.
    const more = await p.send('98');
    assert.ok(!/\n2 |\n4 /.test(more), more);
    const tiredness = /\n(\d+) Tiredness/.exec(`${third}\n${more}`)?.[1];
    assert.equal(tiredness, '9', 'Tiredness is the 8th symptom: number 9 on every screen');
  });

  for (const [lang, choice, wrong, one] of [
    ['en', '1', /Wrong PIN\. 4 tries left\./, /Wrong PIN\. 1 try left\./],
    ['rw', '2', /PIN si yo\. Usigaje amahirwe 4\./, /PIN si yo\. Usigaje ihirwe rimwe\./],
    ['fr', '3', /PIN incorrect\. 4 essais restants\./, /PIN incorrect\. 1 essai restant\./],
    ['sw', '4', /PIN si sahihi\. Zimebaki nafasi 4\./, /PIN si sahihi\. Imebaki nafasi 1\./],
  ] as const) {
    it(`says "1 try left" in the singular (${lang})`, async () => {
      const t = get();
      const p = phone(() => t.app, uniquePhone());
      await p.dial();
      await p.send(choice, 'Aline', '1', '2006', '1', PIN, PIN);
      await p.hangUp();
      await p.dial();
      assert.match(await p.send('11122'), wrong);
      await p.send('11122', '11122');
      assert.match(await p.send('11122'), one);
    });
  }
});
