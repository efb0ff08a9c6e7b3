import { describe, expect, it } from 'vitest';
import { NOTICE_ROWS, NOTICE_VALUE, noticeRows } from './noticeRows';
import { parseUrl } from './url';

describe('noticeRows', () => {
  it('collapses 61 identical empty values (60 commas) into one row with its count', () => {
    const { problems } = parseUrl(`?status=${','.repeat(60)}`, '');
    expect(problems).toHaveLength(61);
    const { rows, more } = noticeRows(problems);
    expect(rows).toEqual([{ param: 'status', value: '', reason: 'unknown_value', times: 61 }]);
    expect(more).toBe(0);
  });

  it('shows at most NOTICE_ROWS rows of 20,000 distinct values and counts the rest', () => {
    const values = Array.from({ length: 20_000 }, (_, i) => `v${i}`);
    const { problems } = parseUrl(`?status=${values.join(',')}`, '');
    const { rows, more } = noticeRows(problems);
    expect(rows.map((r) => r.value)).toEqual(['v0', 'v1', 'v2', 'v3', 'v4']);
    expect(rows).toHaveLength(NOTICE_ROWS);
    expect(more).toBe(20_000 - NOTICE_ROWS);
  });

  it('clips a long value by code points, never inside an emoji', () => {
    const { rows } = noticeRows([{ param: 'x', value: '😀'.repeat(500), reason: 'unknown_param' }]);
    expect(Array.from(rows[0].value)).toHaveLength(NOTICE_VALUE);
    expect(rows[0].value.endsWith('😀…')).toBe(true);
  });
});
