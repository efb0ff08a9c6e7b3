import { describe, expect, it } from 'vitest';
import { tf } from './i18n';

describe('tf', () => {
  it('fills parameters and picks the English plural by count', () => {
    expect(tf('en', 'list_count', { n: 1, m: 0 })).toBe('1 item, 0 of them mapped');
    expect(tf('en', 'list_count', { n: 102, m: 15 })).toBe('102 items, 15 of them mapped');
    expect(tf('en', 'count_title', { n: 1 })).toBe('1 item');
  });

  it('leaves Chinese messages without plural forms as they are', () => {
    expect(tf('zh', 'count_title', { n: 1 })).not.toMatch(/[{}|]/);
  });
});

describe('preferredLang', () => {
  it('is English only when the browser asks for English first', async () => {
    const { preferredLang } = await import('./i18n');
    expect(preferredLang(['en-GB', 'zh-CN'])).toBe('en');
    expect(preferredLang(['zh-CN', 'en'])).toBe('zh');
    expect(preferredLang(['fr-FR'])).toBe('zh');
    expect(preferredLang(undefined)).toBe('zh');
  });
});
