import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { markdownField, markdownProblems, markdownToPlainText, renderMarkdown, safeLinkTarget } from './markdown.ts';

/** Every tag in the output; the renderer may only write its own small set. */
const tagsOf = (html: string) => [...html.matchAll(/<\/?([a-zA-Z0-9]+)/g)].map((m) => m[1].toLowerCase());
const ALLOWED = new Set(['p', 'br', 'h2', 'h3', 'h4', 'ul', 'ol', 'li', 'blockquote', 'strong', 'em', 'code', 'a']);

describe('renderMarkdown', () => {
  test('paragraphs, line breaks, headings, lists, quotes and inline marks', () => {
    const html = renderMarkdown('# Kop\n\nEerste regel\ntweede regel\n\n- een\n- **twee**\n\n1. *drie*\n2. `vier`\n\n> citaat\n\n### Klein');
    assert.equal(
      html,
      [
        '<h2 class="utrecht-heading-2">Kop</h2>',
        '<p class="utrecht-paragraph">Eerste regel<br>\ntweede regel</p>',
        '<ul class="utrecht-unordered-list"><li>een</li><li><strong>twee</strong></li></ul>',
        '<ol class="utrecht-ordered-list"><li><em>drie</em></li><li><code>vier</code></li></ol>',
        '<blockquote class="utrecht-blockquote"><p class="utrecht-paragraph">citaat</p></blockquote>',
        '<h3 class="utrecht-heading-3">Klein</h3>',
      ].join('\n'),
    );
  });

  test('headings start at the level asked for', () => {
    assert.match(renderMarkdown('# Kop', { headingLevel: 3 }), /^<h3 class="utrecht-heading-3">Kop<\/h3>$/);
    assert.match(renderMarkdown('## Kop\n\n#### Diep', { headingLevel: 3 }), /^<h3 class="utrecht-heading-3">Kop<\/h3>\n<h4 class="utrecht-heading-4">Diep<\/h4>$/);
  });

  test('links: http(s), mailto and site paths become links; bare https addresses too', () => {
    const html = renderMarkdown('[site](https://voorbeeld.nl/a?b=1&c=2) [mail](mailto:info@voorbeeld.nl) [agenda](/agenda) en https://voorbeeld.nl/x.');
    assert.match(html, /<a class="utrecht-link" href="https:\/\/voorbeeld.nl\/a\?b=1&amp;c=2" rel="nofollow ugc">site<\/a>/);
    assert.match(html, /<a class="utrecht-link" href="mailto:info@voorbeeld.nl">mail<\/a>/);
    assert.match(html, /<a class="utrecht-link" href="\/agenda">agenda<\/a>/);
    assert.match(html, /<a class="utrecht-link" href="https:\/\/voorbeeld.nl\/x" rel="nofollow ugc">https:\/\/voorbeeld.nl\/x<\/a>\./);
  });

  const attacks = [
    '<script>alert(1)</script>',
    '<img src=x onerror="alert(1)">',
    '<a href="javascript:alert(1)">klik</a>',
    '[klik](javascript:alert(1))',
    '[klik](JaVaScRiPt:alert(1))',
    '[klik](java\tscript:alert(1))',
    '[klik](data:text/html;base64,PHNjcmlwdD4=)',
    '[klik](vbscript:msgbox)',
    '[klik](//evil.example/x)',
    '<iframe src="https://evil.example"></iframe>',
    '<svg onload=alert(1)>',
    '"><script>alert(1)</script>',
    '**<b onmouseover="x">vet</b>**',
    '[<img src=x onerror=alert(1)>](https://ok.nl)',
    '`<script>`',
    '<!-- verborgen -->',
  ];
  for (const attack of attacks) {
    test(`neutralises ${JSON.stringify(attack)}`, () => {
      const html = renderMarkdown(attack);
      for (const tag of tagsOf(html)) assert.ok(ALLOWED.has(tag), `tag <${tag}> in ${html}`);
      assert.doesNotMatch(html, /href="(?!https?:|mailto:|\/[^/])/i, 'no other link target');
      assert.doesNotMatch(html, /<[a-z]+[^>]*\son[a-z]+=/i, 'no event handler attribute');
    });
  }

  test('escaping is complete: quotes and ampersands too', () => {
    assert.equal(renderMarkdown(`a & b < c > d " e ' f`), '<p class="utrecht-paragraph">a &amp; b &lt; c &gt; d &quot; e &#39; f</p>');
  });
});

describe('markdownProblems', () => {
  test('plain Markdown and ordinary text have none', () => {
    assert.deepEqual(markdownProblems('**Vet** en [link](https://voorbeeld.nl). 3 < 4 en <3. Data: 12 en 19 maart. Mail naar [ons](mailto:a@b.nl).'), []);
  });
  test('HTML, event handlers and unsafe links are named', () => {
    assert.deepEqual(markdownProblems('<script>alert(1)</script>'), ['markdown.problem.html']);
    assert.deepEqual(markdownProblems('<img src=x onerror="alert(1)">'), ['markdown.problem.html']);
    assert.deepEqual(markdownProblems('[klik](javascript:alert(1))'), ['markdown.problem.link']);
    assert.deepEqual(markdownProblems('ga naar javascript:alert(1)'), ['markdown.problem.link']);
    assert.deepEqual(markdownProblems('[x](data:text/html;base64,AAAA)'), ['markdown.problem.link']);
  });
  test('the zod field refuses them with the message keys', () => {
    const r = markdownField(100).safeParse('<b onclick="x">hoi</b>');
    assert.equal(r.success, false);
    assert.deepEqual(r.error!.issues.map((i) => i.message), ['markdown.problem.html']);
    assert.equal(markdownField(100).parse('  gewoon\r\ntekst  '), 'gewoon\ntekst');
    assert.equal(markdownField(100, { required: true }).safeParse('').success, false);
  });
});

test('safeLinkTarget', () => {
  assert.equal(safeLinkTarget('https://a.nl'), 'https://a.nl/');
  assert.equal(safeLinkTarget(' javascript:alert(1)'), null);
  assert.equal(safeLinkTarget('//evil.example'), null);
  assert.equal(safeLinkTarget('/verhalen'), '/verhalen');
});

test('markdownToPlainText', () => {
  assert.equal(markdownToPlainText('## Kop\n\n**Vet** en *schuin* met [link](https://a.nl).\n\n- punt'), 'Kop\n\nVet en schuin met link.\n\npunt');
});
