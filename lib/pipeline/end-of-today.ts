/** The end of the rep's day in their time zone: what is due "today" (the popup's list, the toolbar badge). */
export function endOfToday(now: number): number {
  const d = new Date(now);
  d.setHours(23, 59, 59, 999);
  return d.getTime();
}
