// @vitest-environment happy-dom
import { expect, test } from 'vitest';
import { quotedTextOf } from './quoted-text';

test('Gmail HTML reply: answers between blockquoted questions keep their quote levels and blank lines', () => {
  document.body.innerHTML = `<div class="a3s"><div dir="ltr">See below<div><br></div></div>
    <div class="gmail_quote"><div class="gmail_attr">On Mon, Sam &lt;sam@x.io&gt; wrote:<br></div>
    <blockquote class="gmail_quote"><div dir="ltr">1. How do you handle this today?</div></blockquote>
    <div>Excel &amp; mail</div>
    <blockquote><div>2. What is the problem?<br><blockquote>older</blockquote></div></blockquote>
    <script>evil()</script></div></div>`;
  expect(quotedTextOf(document.querySelector('.a3s')!)).toBe(
    [
      'See below',
      '',
      'On Mon, Sam <sam@x.io> wrote:',
      '> 1. How do you handle this today?',
      'Excel & mail',
      '> 2. What is the problem?',
      '> > older',
    ].join('\n'),
  );
});

test('bounded', () => {
  document.body.innerHTML = `<div>${'<p>line of text</p>'.repeat(10_000)}</div>`;
  expect(quotedTextOf(document.body.firstElementChild!, 1_000).length).toBeLessThanOrEqual(1_000);
});
