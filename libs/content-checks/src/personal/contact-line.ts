import { lineAround } from '../text/lines.js';

const CONTACT_LABEL = /联系电话|联系方式|咨询电话|监督电话|举报电话|投诉电话|办公电话|值班电话|服务热线|热线电话|热线|传真|电子邮箱|电子信箱|邮箱|联系人|邮编|电话/;
const LOOK_BACK = 40;

/** Is offset `at` preceded, on its own line and shortly before, by a contact label (联系电话：…)? */
export function onContactLine(text: string, at: number): boolean {
  const line = lineAround(text, at);
  return CONTACT_LABEL.test(text.slice(Math.max(line.start, at - LOOK_BACK), at));
}
