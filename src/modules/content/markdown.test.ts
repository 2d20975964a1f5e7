import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { type Block, checkArticle, type Inline, parseArticle } from './markdown.ts';

const text = (value: string): Inline => ({ type: 'text', text: value });
const paragraph = (...children: Inline[]): Block => ({ type: 'paragraph', children });

/** Checks the output at run time as the web app receives it: only known shapes, only http(s) links. */
function assertSafe(value: unknown): void {
  assert.ok(Array.isArray(value));
  assert.ok(value.length <= 200);
  for (const block of value as Record<string, unknown>[]) {
    if (block.type === 'heading') {
      assert.deepEqual(Object.keys(block).sort(), ['children', 'level', 'type']);
      assert.ok(block.level === 2 || block.level === 3);
      assertSafeInlines(block.children, false);
    } else if (block.type === 'paragraph') {
      assert.deepEqual(Object.keys(block).sort(), ['children', 'type']);
      assertSafeInlines(block.children, false);
    } else {
      assert.equal(block.type, 'list');
      assert.deepEqual(Object.keys(block).sort(), ['items', 'ordered', 'type']);
      assert.equal(typeof block.ordered, 'boolean');
      assert.ok(Array.isArray(block.items));
      for (const item of block.items) assertSafeInlines(item, false);
    }
  }
}

function assertSafeInlines(value: unknown, insideLink: boolean): void {
  assert.ok(Array.isArray(value));
  for (const inline of value as Record<string, unknown>[]) {
    if (inline.type === 'text') {
      assert.deepEqual(Object.keys(inline).sort(), ['text', 'type']);
      assert.equal(typeof inline.text, 'string');
    } else if (inline.type === 'strong' || inline.type === 'em') {
      assert.deepEqual(Object.keys(inline).sort(), ['children', 'type']);
      assertSafeInlines(inline.children, insideLink);
    } else {
      assert.equal(inline.type, 'link');
      assert.ok(!insideLink, 'links never nest');
      assert.deepEqual(Object.keys(inline).sort(), ['children', 'href', 'type']);
      assert.equal(typeof inline.href, 'string');
      const url = new URL(inline.href as string);
      assert.ok(url.protocol === 'http:' || url.protocol === 'https:', `href ${String(inline.href)}`);
      assert.match(inline.href as string, /^https?:\/\/[^/]/);
      assert.equal(url.username + url.password, '');
      assertSafeInlines(inline.children, true);
    }
  }
}

function linksIn(blocks: Block[]): string[] {
  const walk = (inlines: Inline[]): string[] =>
    inlines.flatMap((inline) => {
      if (inline.type === 'text') return [];
      return inline.type === 'link' ? [inline.href, ...walk(inline.children)] : walk(inline.children);
    });
  return blocks.flatMap((block) => walk(block.type === 'list' ? block.items.flat() : block.children));
}

describe('parseArticle: the supported subset', () => {
  it('turns headings, paragraphs and inline marks into blocks', () => {
    const source = [
      '# Your first period',
      '',
      'Most girls get it **between 10 and 15**, some *earlier* and',
      'some _later_. Read [the guide](https://example.org/guide?lang=en).',
      '',
      '## What to expect',
      '### Pain',
    ].join('\n');
    assert.deepEqual(parseArticle(source), [
      { type: 'heading', level: 2, children: [text('Your first period')] },
      paragraph(
        text('Most girls get it '),
        { type: 'strong', children: [text('between 10 and 15')] },
        text(', some '),
        { type: 'em', children: [text('earlier')] },
        text(' and some '),
        { type: 'em', children: [text('later')] },
        text('. Read '),
        { type: 'link', href: 'https://example.org/guide?lang=en', children: [text('the guide')] },
        text('.'),
      ),
      { type: 'heading', level: 2, children: [text('What to expect')] },
      { type: 'heading', level: 3, children: [text('Pain')] },
    ]);
  });

  it('keeps bullet and numbered lists, one run of inlines per item, nested lists flattened', () => {
    const source = '- pads\n* tampons\n\n1. wash your hands\n2. change **every 4–8 hours**\n   - or sooner\n';
    assert.deepEqual(parseArticle(source), [
      { type: 'list', ordered: false, items: [[text('pads')]] },
      { type: 'list', ordered: false, items: [[text('tampons')]] },
      {
        type: 'list',
        ordered: true,
        items: [
          [text('wash your hands')],
          [text('change '), { type: 'strong', children: [text('every 4–8 hours')] }, text(' or sooner')],
        ],
      },
    ]);
  });

  it('keeps a list whose items are separated by blank lines as one list', () => {
    assert.deepEqual(parseArticle('- one\n\n- two\n\n  more about two\n\nAfter.'), [
      { type: 'list', ordered: false, items: [[text('one')], [text('two more about two')]] },
      paragraph(text('After.')),
    ]);
  });

  it('decodes entities into characters that stay text', () => {
    assert.deepEqual(parseArticle('&lt;b&gt; &amp; &#169; &copy; &#x1F600;'), [
      paragraph(text('<b> & © © 😀')),
    ]);
  });

  it('normalises the link address and keeps both http and https', () => {
    const blocks = parseArticle('[a](HTTPS://Example.ORG/a%20b) [b](http://example.org:8080/x#top)');
    assert.deepEqual(linksIn(blocks), ['https://example.org/a%20b', 'http://example.org:8080/x#top']);
  });
});

describe('parseArticle: everything else is text or nothing', () => {
  const cases: [string, string, Block[]][] = [
    ['raw HTML', 'a <b onclick="x()">b</b>', [paragraph(text('a <b onclick="x()">b</b>'))]],
    ['an HTML block', '<div>\nhi\n</div>', [paragraph(text('<div> hi </div>'))]],
    ['an HTML comment', '<!-- note -->', [paragraph(text('<!-- note -->'))]],
    ['an image', 'see ![a diagram](https://example.org/d.png) here', [paragraph(text('see a diagram here'))]],
    ['an image without alt text', '![](https://example.org/d.png)', []],
    ['a code span', 'type `**x**` now', [paragraph(text('type **x** now'))]],
    ['a code block', '```\n<script>\n```', [paragraph(text('<script>'))]],
    [
      'a block quote',
      '> quoted **text**',
      [paragraph(text('quoted '), { type: 'strong', children: [text('text')] })],
    ],
    ['an autolink', '<https://example.org>', [paragraph(text('<https://example.org>'))]],
    [
      'a reference link',
      '[a][r]\n\n[r]: https://example.org',
      [paragraph(text('[a][r]')), paragraph(text('[r]: https://example.org'))],
    ],
    ['a footnote', 'x[^1]', [paragraph(text('x[^1]'))]],
    ['a table', '| a | b |\n|---|---|', [paragraph(text('| a | b | |---|---|'))]],
    ['a horizontal rule', 'a\n\n***\n\nb', [paragraph(text('a')), paragraph(text('b'))]],
    ['a deep heading', '#### small', [{ type: 'heading', level: 3, children: [text('small')] }]],
    ['a hard line break', 'a  \nb', [paragraph(text('a b'))]],
  ];
  for (const [name, source, expected] of cases) {
    it(`turns ${name} into text`, () => assert.deepEqual(parseArticle(source), expected));
  }
});

describe('parseArticle: XSS payloads', () => {
  // Each must yield no link at all (and, like every input, only the allowed shapes).
  const noLink = [
    '<script>alert(1)</script>',
    '<SCRIPT SRC=http://xss.rocks/xss.js></SCRIPT>',
    '<IMG SRC="javascript:alert(\'XSS\');">',
    "<IMG SRC=JaVaScRiPt:alert('XSS')>",
    '<IMG SRC=&#106;&#97;&#118;&#97;&#115;&#99;&#114;&#105;&#112;&#116;&#58;&#97;&#108;&#101;&#114;&#116;&#40;1&#41;>',
    '<img src=x onerror=alert(1)>',
    '<svg/onload=alert(1)>',
    '<svg><script>alert(1)</script></svg>',
    '<iframe src="javascript:alert(1)"></iframe>',
    '<body onload=alert(1)>',
    "<style>@import 'http://xss.rocks/xss.css';</style>",
    '<div style="background-image: url(javascript:alert(1))">',
    '<a href="javascript:alert(1)">x</a>',
    '<a href="https://example.org">x</a>',
    '<!--<script>alert(1)</script>-->',
    '<<SCRIPT>alert("XSS");//<</SCRIPT>',
    '<IMG """><SCRIPT>alert("XSS")</SCRIPT>">',
    '<object data="data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg=="></object>',
    '<math><mtext><table><mglyph><style><img src=x onerror=alert(1)>',
    '<javascript:alert(1)>',
    '<https://example.org>',
    '[x](javascript:alert(1))',
    '[x](JAVASCRIPT:alert(1))',
    '[x](jAvAsCrIpT:alert(1))',
    '[x](javascript:alert(1) "t")',
    '[x](<javascript:alert(1)>)',
    '[x](&#106;avascript:alert(1))',
    '[x](&#x6A;avascript:alert(1))',
    '[x](&#0000106&#0000097&#0000118&#0000097&#0000115&#0000099&#0000114&#0000105&#0000112&#0000116&#0000058alert(1))',
    '[x](javascript&colon;alert(1))',
    '[x](java&#09;script:alert(1))',
    '[x](<java\tscript:alert(1)>)',
    '[x](<java\nscript:alert(1)>)',
    '[x](java&#10;script:alert(1))',
    '[x](%6Aavascript:alert(1))',
    '[x]( javascript:alert(1))',
    '[x](\u00a0javascript:alert(1))',
    '[x](ja\u200bvascript:alert(1))',
    '[x](javascript://example.org/%0aalert(1))',
    '[x](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==)',
    '[x](DATA:text/html,<script>alert(1)</script>)',
    '[x](vbscript:msgbox(1))',
    '[x](file:///etc/passwd)',
    '[x](//evil.example)',
    '[x](/relative/path)',
    '[x](relative)',
    '[x](#fragment)',
    '[x](https://user:pass@evil.example)',
    '[x](https://good.example@evil.example)',
    '[x](http:\\\\evil.example)',
    '[x](https:evil.example)',
    '[x](http:///evil.example)',
    '[x](<ht\ttps://evil.example>)',
    '[x](https://ok.example\u2028javascript:alert(1))',
    '[x](mailto:a@example.org)',
    '[x][1]\n\n[1]: javascript:alert(1)',
    '[x][1]\n\n[1]: https://example.org',
    '![x](javascript:alert(1))',
    '![x" onerror="alert(1)](x)',
    '[![x](https://example.org/i.png)](javascript:alert(1))',
    '[](https://example.org)',
    '[x](javascript:alert(1))[y](https://example.org',
    // A link cannot hold a link, so the outer one is text and the inner one is rejected.
    '[[x](javascript:alert(1))](https://example.org/)',
  ];
  for (const payload of noLink) {
    it(`makes no link of ${JSON.stringify(payload)}`, () => {
      const blocks = parseArticle(payload);
      assertSafe(blocks);
      assert.deepEqual(linksIn(blocks), []);
    });
  }

  it('keeps the text of an HTML payload as literal text', () => {
    assert.deepEqual(parseArticle('<img src=x onerror=alert(1)>'), [
      paragraph(text('<img src=x onerror=alert(1)>')),
    ]);
    assert.deepEqual(parseArticle('[click](javascript:alert(1))'), [paragraph(text('click'))]);
  });

  it('keeps a good link nested in bad markup, but only its http(s) address', () => {
    const cases: [string, string[]][] = [
      ['[x](https://example.org/ "onmouseover=alert(1)")', ['https://example.org/']],
      ['[x](https://example.org/"onmouseover="alert(1))', ['https://example.org/%22onmouseover=%22alert(1)']],
      ['**[x](https://example.org/)** <a href="javascript:alert(1)">y</a>', ['https://example.org/']],
      ['[x](<https://example.org/a(b)>)', ['https://example.org/a(b)']],
    ];
    for (const [payload, hrefs] of cases) {
      const blocks = parseArticle(payload);
      assertSafe(blocks);
      assert.deepEqual(linksIn(blocks), hrefs, payload);
    }
  });
});

describe('parseArticle: properties', () => {
  const piece = fc.oneof(
    fc.string({ maxLength: 8 }),
    fc.string({ unit: 'binary', maxLength: 4 }),
    fc.constantFrom(
      ...[
        '[',
        ']',
        '(',
        ')',
        '<',
        '>',
        '*',
        '**',
        '_',
        '`',
        '![',
        '](',
        '# ',
        '## ',
        '- ',
        '* ',
        '1. ',
        '> ',
      ],
      ...[
        '\n',
        '\n\n',
        '    ',
        '\t',
        '\\',
        '"',
        '&#106;',
        '&amp;',
        '&#x0;',
        'javascript:',
        'data:',
        'http://',
      ],
      ...['https://example.org', '//', ':', '@', '%0a', '<script>', '<a href=', '-->', '<!--', '|', '---'],
    ),
  );
  const source = fc.array(piece, { maxLength: 80 }).map((pieces) => pieces.join(''));

  it('only ever yields the allowed node types and http(s) links, for random markdown-like text', () => {
    fc.assert(
      fc.property(source, (input) => {
        assertSafe(parseArticle(input));
        assert.ok(Array.isArray(checkArticle(input)));
      }),
      { numRuns: 500 },
    );
  });

  it('only ever yields http(s) links, for random link destinations', () => {
    const destination = fc.oneof(fc.webUrl(), fc.string(), source, fc.string({ unit: 'binary' }));
    fc.assert(
      fc.property(fc.string(), destination, (label, href) => {
        assertSafe(parseArticle(`[${label}](${href})`));
        assertSafe(parseArticle(`[${label}](<${href}>)`));
      }),
      { numRuns: 500 },
    );
  });
});

describe('parseArticle: limits', () => {
  it('cuts a source over 20 000 characters without splitting a character', () => {
    const source = `${'a'.repeat(19_999)}😀 and more`;
    const blocks = parseArticle(source);
    assert.deepEqual(blocks, [paragraph(text('a'.repeat(19_999)))]);
  });

  it('keeps the first 200 blocks', () => {
    const source = Array.from({ length: 250 }, (_, i) => `Paragraph ${i + 1}.`).join('\n\n');
    const blocks = parseArticle(source);
    assert.equal(blocks.length, 200);
    assert.deepEqual(blocks.at(-1), paragraph(text('Paragraph 200.')));
  });

  it('keeps a long list whole although it is parsed in pieces', () => {
    const source = Array.from({ length: 450 }, (_, i) => `- item ${i + 1}`).join('\n');
    const blocks = parseArticle(source);
    assert.equal(blocks.length, 1);
    assert.equal(blocks[0]?.type === 'list' && blocks[0].items.length, 450);
  });

  it('parses pathological nesting quickly, as text', () => {
    const half = (a: string, b: string) => a.repeat(10_000 / a.length) + b.repeat(10_000 / b.length);
    const inputs = [
      '+ '.repeat(10_000),
      '> '.repeat(10_000),
      '1. '.repeat(6_000),
      half('*', '*'),
      half('*a ', ' a*'),
      half('**_', '_**'),
      half('![a', '](x)'),
      half('\\```)(', '('),
      '<!--&amp;'.repeat(2_000),
      '> a\n\n'.repeat(4_000),
      '+ + + + + + a\n\n'.repeat(1_400),
      '[a](http://x ('.repeat(1_400),
    ];
    for (const input of inputs) {
      const started = performance.now();
      assertSafe(parseArticle(input));
      checkArticle(input);
      const elapsed = performance.now() - started;
      assert.ok(elapsed < 3000, `${JSON.stringify(input.slice(0, 20))} took ${Math.round(elapsed)} ms`);
    }
  });
});

describe('checkArticle', () => {
  it('finds nothing wrong with an article in the subset', () => {
    const source =
      '# Title\n\nText with **bold**, _it_ and [a link](https://example.org).\n\n- a\n- b\n\n1. c\n';
    assert.deepEqual(checkArticle(source), []);
  });

  it('names each unsupported construct with its line', () => {
    const source = [
      'Intro <b>bold</b>', // 1
      '', // 2
      '![photo](https://example.org/p.png)', // 3
      '', // 4
      '> a quote', // 5
      '', // 6
      '```', // 7
      'code', // 8
      '```', // 9
      '', // 10
      'See <https://example.org> and `x`.', // 11
      '', // 12
      '| a | b |', // 13
      '|---|---|', // 14
      '', // 15
      '[bad](javascript:alert(1)) and [rel](/about)', // 16
      '', // 17
      '---', // 18
      '', // 19
      '#### Too deep', // 20
      '', // 21
      'Note[^1] and [ref][r]', // 22
      '', // 23
      '[r]: https://example.org', // 24
      '', // 25
      'Underlined', // 26
      '==========', // 27
      '', // 28
      '[](https://example.org)', // 29
    ].join('\n');
    const problems = checkArticle(source);
    const expected: [number, RegExp][] = [
      [1, /HTML \("<b>"\)/],
      [3, /images \("!\[photo\]/],
      [5, /quotes/],
      [7, /code blocks/],
      [11, /angle brackets \("<https:\/\/example.org>"\)/],
      [11, /code \("`x`"\)/],
      [13, /tables/],
      [16, /link "\[bad\]\(javascript:alert\(1\)\)" needs a full http/],
      [16, /link "\[rel\]\(\/about\)" needs a full http/],
      [18, /horizontal rules/],
      [20, /"####" headings/],
      [22, /footnotes/],
      [22, /reference links \("\[ref\]\[r\]"\)/],
      [24, /reference links \("\[r\]:"\)/],
      [26, /under text makes it a heading/],
      [29, /no text to click/],
    ];
    for (const [line, pattern] of expected) {
      const prefix = `Line ${line}: `;
      const found = problems.some((problem) => problem.startsWith(prefix) && pattern.test(problem));
      assert.ok(found, `expected ${prefix}${pattern} in\n${problems.join('\n')}`);
    }
    assert.equal(problems.length, expected.length, problems.join('\n'));
  });

  it('reports an article that is too long at the line where it is cut', () => {
    const source = `${'x'.repeat(100)}\n\n${'y'.repeat(19_950)}\n\nlast`;
    assert.deepEqual(checkArticle(source), [
      `Line 3: the article has ${source.length.toLocaleString('en-US')} characters, over the limit of 20,000; the rest is cut.`,
    ]);
  });

  it('reports the first block over the limit of 200 with its line', () => {
    const source = Array.from({ length: 201 }, (_, i) => `Paragraph ${i + 1}.`).join('\n\n');
    assert.deepEqual(checkArticle(source), [
      'Line 401: this is block 201 (headings, paragraphs and lists), over the limit of 200; the rest is cut.',
    ]);
  });

  it('names the line of markup too tangled to parse, and keeps the rest of the article', () => {
    const source = `# Title\n\n${'*a '.repeat(40)}x\n\n- ${'- '.repeat(8)}deep\n\nFine **text**.`;
    assert.deepEqual(checkArticle(source), [
      'Line 3: this part has too much nested or unmatched markup; it shows as plain text.',
      'Line 5: lists or quotes nest too deeply.',
    ]);
    const blocks = parseArticle(source);
    assert.deepEqual(blocks[1], paragraph(text(`${'*a '.repeat(40)}x`)));
    assert.deepEqual(
      blocks.at(-1),
      paragraph(text('Fine '), { type: 'strong', children: [text('text')] }, text('.')),
    );
  });

  it('counts lines past the pieces the parser is given', () => {
    const source = `${'- item\n'.repeat(150)}\nText <i>x</i>\n\n> quote`;
    assert.deepEqual(checkArticle(source), [
      'Line 152: HTML ("<i>") is not supported; it shows as plain text.',
      'Line 154: quotes ("> ") are not supported; the text shows as ordinary paragraphs.',
    ]);
  });
});
