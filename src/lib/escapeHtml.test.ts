import { describe, expect, it } from 'vitest';
import { escapeHtml } from './escapeHtml';

describe('escapeHtml', () => {
  it('turns markup into text that reads the same', () => {
    expect(escapeHtml(`<img src="https://x.test/a.png" onerror='alert(1)'> © OSM & co`)).toBe(
      '&lt;img src=&quot;https://x.test/a.png&quot; onerror=&#39;alert(1)&#39;&gt; © OSM &amp; co',
    );
  });

  it('parses back to the very same text in a DOM-free check: no tag survives', () => {
    const hostile = '</div><script>window.__pwned=1</script><a href="javascript:1">x</a>';
    const out = escapeHtml(hostile);
    expect(out).not.toMatch(/[<>"']/);
    expect(out.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&#39;/g, "'").replace(/&amp;/g, '&')).toBe(hostile);
  });
});
