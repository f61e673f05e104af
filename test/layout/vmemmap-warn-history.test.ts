import { WARN_ORIGIN, warnOriginText, warnPredatesNote, warnsIn } from '../../src/layout/vmemmap-warn-history.js';

describe('vmemmap WARN history', () => {
  test('free warns from 5.7, populate from 5.12, each with the commit that added it', () => {
    expect(warnOriginText('free')).toBe('5.7 (bbd6ec605c0f)');
    expect(warnOriginText('populate')).toBe('5.12 (edb739eed8f3)');
    expect(WARN_ORIGIN.populate.first).toEqual({ major: 5, minor: 12 });
  });

  test.each<[string, boolean]>([
    ['4.19.0', true],
    ['5.11.22-android12-9', true],
    ['v5.12-rc1', false],
    ['6.1.0', false],
    ['10.0', false],
  ])('populate on %s predates the WARN: %s', (release, predates) => {
    expect(warnPredatesNote('populate', release) !== undefined).toBe(predates);
  });

  test('no note without a release, or for text that is no version', () => {
    expect(warnPredatesNote('free', undefined)).toBeUndefined();
    expect(warnPredatesNote('free', 'unknown')).toBeUndefined();
  });

  test.each<[string, ReturnType<typeof warnsIn>]>([
    ['5.6.19', 'no'],
    ['5.7.0', 'free-only'],
    ['5.11.22', 'free-only'],
    ['5.12-rc1', 'yes'],
    ['not a version', undefined],
  ])('warnsIn(%s) is %s', (release, warns) => {
    expect(warnsIn(release)).toBe(warns);
  });
});
