import { fromDayNumber, toDayNumber } from './dates.ts';
import type { DayInput, IsoDate } from './types.ts';

/**
 * Ovulation from fertility signs in the daily logs.
 *
 * Temperature (the "3 over 6" rule of symptothermal methods): after ovulation progesterone raises
 * the waking temperature by ~0.2–0.5 °C. A shift is three readings on consecutive-ish days that are
 * all above the highest of the six readings before them, the third at least 0.2 °C above it.
 * Ovulation is taken as the last low day (the day before the first high reading).
 *
 * Cervical mucus (peak-day rule): the last day of slippery, stretchy or watery mucus, followed by a
 * drier observation, is the peak day; ovulation happens within about a day of it.
 *
 * When both signs point at the same ovulation (within 3 days), the temperature date is kept: it
 * is the more specific sign.
 */

const LOW_READINGS = 6;
const SHIFT_MARGIN_C = 0.2;
/** The six low readings must come from the last 12 days, the three high ones from 4 days. */
const LOW_SPAN_DAYS = 12;
const HIGH_SPAN_DAYS = 4;
/** After a shift the high plateau lasts the luteal phase; a new shift cannot start before this. */
const MIN_DAYS_BETWEEN_OVULATIONS = 18;
const SAME_EVENT_DAYS = 3;
const PEAK_FOLLOW_UP_DAYS = 3;
const PLAUSIBLE_TEMPERATURE_C = [34, 40] as const;

type Reading = { day: number; value: number };

function temperatureReadings(days: readonly DayInput[]): Reading[] {
  const readings: Reading[] = [];
  for (const d of days) {
    const t = d.basalTemperature;
    if (t === undefined || !(t >= PLAUSIBLE_TEMPERATURE_C[0] && t <= PLAUSIBLE_TEMPERATURE_C[1])) continue;
    readings.push({ day: toDayNumber(d.date), value: t });
  }
  return readings.sort((a, b) => a.day - b.day);
}

/** Whether readings[i..i+2] form a shift over readings[i-6..i-1]; returns the ovulation day or null. */
function shiftAt(readings: readonly Reading[], i: number): number | null {
  const lows = readings.slice(i - LOW_READINGS, i);
  const highs = readings.slice(i, i + 3);
  const firstLow = lows[0];
  const lastLow = lows.at(-1);
  const firstHigh = highs[0];
  const thirdHigh = highs[2];
  if (!firstLow || !lastLow || !firstHigh || !thirdHigh || lows.length < LOW_READINGS) return null;
  if (firstHigh.day - firstLow.day > LOW_SPAN_DAYS || thirdHigh.day - firstHigh.day > HIGH_SPAN_DAYS)
    return null;
  const coverLine = Math.max(...lows.map((r) => r.value));
  const allAbove = highs.every((r) => r.value > coverLine);
  if (!allAbove || thirdHigh.value < coverLine + SHIFT_MARGIN_C - 1e-9) return null;
  return firstHigh.day - 1;
}

export function detectThermalShifts(days: readonly DayInput[]): number[] {
  const readings = temperatureReadings(days);
  const found: number[] = [];
  for (let i = LOW_READINGS; i + 2 < readings.length; i++) {
    const last = found.at(-1);
    const reading = readings[i];
    if (reading === undefined || (last !== undefined && reading.day - last < MIN_DAYS_BETWEEN_OVULATIONS))
      continue;
    const ovulation = shiftAt(readings, i);
    if (ovulation !== null) found.push(ovulation);
  }
  return found;
}

const PEAK_TYPE = new Set(['egg_white', 'watery']);

export function detectMucusPeaks(days: readonly DayInput[]): number[] {
  const observed = days
    .filter((d) => d.cervicalMucus !== undefined)
    .map((d) => ({ day: toDayNumber(d.date), peakType: PEAK_TYPE.has(d.cervicalMucus ?? '') }))
    .sort((a, b) => a.day - b.day);
  const peaks: number[] = [];
  for (let i = 0; i + 1 < observed.length; i++) {
    const today = observed[i];
    const next = observed[i + 1];
    if (!today?.peakType || !next || next.peakType) continue;
    if (next.day - today.day <= PEAK_FOLLOW_UP_DAYS) peaks.push(today.day);
  }
  return peaks;
}

/** Ovulation dates found in the daily logs (temperature shifts, then mucus peaks not explained by one). */
export function detectOvulations(days: readonly DayInput[]): IsoDate[] {
  const thermal = detectThermalShifts(days);
  const mucusOnly = detectMucusPeaks(days).filter((p) =>
    thermal.every((t) => Math.abs(t - p) > SAME_EVENT_DAYS),
  );
  return [...new Set([...thermal, ...mucusOnly])].sort((a, b) => a - b).map(fromDayNumber);
}
