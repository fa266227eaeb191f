import { finding } from '../finding.js';
import type { Finding } from '../finding.js';
import { titlesHeld } from '../leaders/leader-tenure.js';
import type { CompiledLeaders } from '../leaders/leader-tenure.js';
import { leftmostLongest } from '../matcher/ranges.js';
import type { CalendarDate } from '../text/calendar.js';

/**
 * A known leader's name written next to a known title (市长张三, 张三副市长) that the leader did not
 * hold on the document date: blocking (a wrong 领导职务 is a serious error on a government site).
 */
export function detectLeaderTitles(text: string, leaders: CompiledLeaders, date: CalendarDate): Finding[] {
  const findings: Finding[] = [];
  const day = `${date.year}年${date.month}月${date.day}日`;
  for (const hit of leftmostLongest(leaders.matcher.findAll(text))) {
    const name = leaders.names[hit.pattern];
    const held = titlesHeld(leaders, name, date);
    const before = leaders.titles.find((title) => text.startsWith(title, hit.start - title.length) && hit.start >= title.length);
    const after = leaders.titles.find((title) => text.startsWith(title, hit.end));
    for (const [title, start, end] of [
      ...(before === undefined ? [] : [[before, hit.start - before.length, hit.end] as const]),
      ...(after === undefined ? [] : [[after, hit.start, hit.end + after.length] as const]),
    ]) {
      if (held.includes(title)) continue;
      const suggestion = held.length === 0 ? null : start < hit.start ? `${held[0]}${name}` : `${name}${held[0]}`;
      const then = held.length === 0 ? '' : `，当时职务为“${held.join('、')}”`;
      findings.push(
        finding(text, 'leader_title', 'blocking', start, end, suggestion, `文档日期${day}时，${name}未担任“${title}”${then}`),
      );
    }
  }
  return findings;
}
