import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { symptomFrequencies } from './symptom-frequencies.ts';

const day = (date: string, symptoms: string[], otherSymptoms: string[] = []) => ({
  date,
  symptoms,
  otherSymptoms,
});

describe('symptomFrequencies', () => {
  it('counts a symptom logged once as 1 of 1 cycle, not as "always"', () => {
    const result = symptomFrequencies([day('2024-01-03', ['cramps'])], ['2024-01-01']);
    assert.deepEqual(result, {
      symptomFrequencies: [{ symptom: 'cramps', days: 1, share: 1, inCycles: 1 }],
      loggedCycles: 1,
    });
  });

  it('counts cycles from one start to the next, and the days before the first start as one', () => {
    const starts = ['2024-02-01', '2024-01-01', '2024-03-01'];
    const result = symptomFrequencies(
      [
        day('2023-12-20', ['headache']),
        day('2024-01-01', ['cramps']),
        day('2024-01-31', ['cramps', 'headache']), // still January's cycle
        day('2024-02-01', []), // a logged day without symptoms still counts its cycle
        day('2024-03-05', ['cramps'], [' Back pain ']),
      ],
      starts,
    );
    assert.equal(result.loggedCycles, 4);
    const byName = Object.fromEntries(result.symptomFrequencies.map((f) => [f.symptom, f]));
    assert.equal(byName.cramps?.inCycles, 2);
    assert.equal(byName.cramps?.days, 3);
    assert.equal(byName.headache?.inCycles, 2);
    assert.equal(byName['back pain']?.inCycles, 1);
  });

  it('counts a day once even when her own words repeat a listed symptom', () => {
    const result = symptomFrequencies([day('2024-01-02', ['cramps'], ['cramps'])], []);
    assert.deepEqual(result.symptomFrequencies, [{ symptom: 'cramps', days: 1, share: 1, inCycles: 1 }]);
    assert.equal(result.loggedCycles, 1);
  });

  it('has nothing to count without logged days', () => {
    assert.deepEqual(symptomFrequencies([], ['2024-01-01']), { symptomFrequencies: [], loggedCycles: 0 });
  });
});
