/**
 * UPR Working Group sessions → cycle and the day the session opened (OHCHR's calendar). A review's
 * statement is dated by its session, and so is the State's response: sources give no other date
 * (the response is adopted at the Human Rights Council a few months later; the dashboards count
 * by year, which this rarely moves).
 */
const OPENED: Record<number, string> = {
  1: '2008-04-07',
  2: '2008-05-05',
  3: '2008-12-01',
  4: '2009-02-02',
  5: '2009-05-04',
  6: '2009-11-30',
  7: '2010-02-08',
  8: '2010-05-03',
  9: '2010-11-01',
  10: '2011-01-24',
  11: '2011-05-02',
  12: '2011-10-03',
  13: '2012-05-21',
  14: '2012-10-22',
  15: '2013-01-21',
  16: '2013-04-22',
  17: '2013-10-21',
  18: '2014-01-27',
  19: '2014-04-28',
  20: '2014-10-27',
  21: '2015-01-19',
  22: '2015-05-04',
  23: '2015-11-02',
  24: '2016-01-18',
  25: '2016-05-02',
  26: '2016-10-31',
  27: '2017-05-01',
  28: '2017-11-06',
  29: '2018-01-15',
  30: '2018-05-07',
  31: '2018-11-05',
  32: '2019-01-21',
  33: '2019-05-06',
  34: '2019-11-04',
  35: '2020-01-20',
  36: '2020-11-02',
  37: '2021-01-18',
  38: '2021-05-03',
  39: '2021-11-01',
  40: '2022-01-24',
  41: '2022-11-07',
  42: '2023-01-23',
  43: '2023-05-01',
  44: '2023-11-06',
  45: '2024-01-22',
  46: '2024-04-29',
  47: '2024-11-04',
  48: '2025-01-20',
  49: '2025-04-28',
  50: '2025-11-03',
};

/** Cycle 1: sessions 1–12; 2: 13–26; 3: 27–40; 4: 41–54 (each cycle reviews every State once). */
export function cycleOf(session: number): number {
  return session <= 12 ? 1 : session <= 26 ? 2 : session <= 40 ? 3 : 4 + Math.floor((session - 41) / 14);
}

export const MAX_SESSION = 99;

/** The day the session opened; a session past the calendar is dated by its cycle's rhythm (three a year). */
export function sessionDate(session: number): string {
  const known = OPENED[session];
  if (known) return known;
  const last = Math.max(...Object.keys(OPENED).map(Number));
  const months = Math.round(((session - last) * 12) / 3);
  const day = new Date(`${OPENED[last]}T00:00:00Z`);
  day.setUTCMonth(day.getUTCMonth() + months);
  return day.toISOString().slice(0, 10);
}
