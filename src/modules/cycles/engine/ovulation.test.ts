import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { addDays } from './dates.ts';
import { detectOvulations } from './ovulation.ts';
import type { DayInput } from './types.ts';

/** Waking temperatures from `first`, one a day. */
function temperatures(first: string, values: number[]): DayInput[] {
  return values.map((basalTemperature, i) => ({ date: addDays(first, i), basalTemperature }));
}

const LOWS = [36.3, 36.4, 36.35, 36.3, 36.45, 36.4, 36.3, 36.35, 36.4, 36.3, 36.45, 36.35, 36.4, 36.3];
const HIGHS = [36.7, 36.75, 36.8, 36.75, 36.8, 36.7, 36.75, 36.8, 36.7, 36.75, 36.8, 36.7, 36.75];

describe('detectOvulations', () => {
  it('finds a temperature shift (3 over 6) and dates ovulation on the last low day', () => {
    const days = temperatures('2024-03-01', [...LOWS, ...HIGHS]);
    assert.deepEqual(detectOvulations(days), ['2024-03-14']);
  });

  it('needs the third high reading 0.2 °C above the highest of the six before', () => {
    const days = temperatures('2024-03-01', [...LOWS, 36.5, 36.55, 36.6, 36.55, 36.6]);
    assert.deepEqual(detectOvulations(days), []);
  });

  it('does not invent a shift from noise or from sparse readings', () => {
    assert.deepEqual(detectOvulations(temperatures('2024-03-01', [...LOWS, ...LOWS])), []);
    const sparse = [...LOWS, ...HIGHS].map((t, i) => ({
      date: addDays('2024-03-01', i * 3),
      basalTemperature: t,
    }));
    assert.deepEqual(detectOvulations(sparse), []);
  });

  it('ignores implausible temperatures (a reading in °F, a typo)', () => {
    const days = temperatures('2024-03-01', [...LOWS, ...HIGHS]);
    days.splice(3, 0, { date: '2024-03-04', basalTemperature: 97.7 });
    assert.deepEqual(detectOvulations(days), ['2024-03-14']);
  });

  it('finds one ovulation per cycle over several cycles', () => {
    const cycle = [...LOWS, ...HIGHS, 36.3];
    const days = temperatures('2024-03-01', [...cycle, ...cycle]);
    assert.deepEqual(detectOvulations(days), ['2024-03-14', addDays('2024-03-14', cycle.length)]);
  });

  it('uses the cervical-mucus peak day when there is no temperature', () => {
    const signs = ['dry', 'sticky', 'creamy', 'watery', 'egg_white', 'egg_white', 'sticky', 'dry'] as const;
    const days: DayInput[] = signs.map((cervicalMucus, i) => ({
      date: addDays('2024-03-08', i),
      cervicalMucus,
    }));
    assert.deepEqual(detectOvulations(days), ['2024-03-13']);
  });

  it('keeps the temperature date when mucus points at the same ovulation', () => {
    const days = temperatures('2024-03-01', [...LOWS, ...HIGHS]).map((d) =>
      d.date === '2024-03-15' ? { ...d, cervicalMucus: 'egg_white' as const } : d,
    );
    days.push({ date: '2024-03-16', cervicalMucus: 'sticky' });
    assert.deepEqual(detectOvulations(days), ['2024-03-14']);
  });

  it('returns nothing without fertility signs', () => {
    assert.deepEqual(detectOvulations([]), []);
    assert.deepEqual(detectOvulations([{ date: '2024-03-01', flow: 'heavy' }]), []);
  });
});
