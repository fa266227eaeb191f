import type { ChannelMessage, RobotMsgtype } from './channel-kinds.js';

/** 企业微信 limits: text content 2048 bytes, markdown content 4096 bytes (UTF-8). */
const WECOM_TEXT_BYTES = 2048;
const WECOM_MARKDOWN_BYTES = 4096;
/** 钉钉 accepts 20000 bytes; a notice is far shorter, the cap only guards against a runaway title. */
const DINGTALK_BYTES = 20_000;

/**
 * The JSON a 企业微信 group robot takes (`POST …/cgi-bin/webhook/send?key=…`): `text` mentions the
 * people by mobile number (`mentioned_mobile_list`); `markdown` cannot mention by number, so it does not.
 */
export function wecomPayload(message: ChannelMessage, msgtype: RobotMsgtype): Record<string, unknown> {
  if (msgtype === 'text') {
    return {
      msgtype: 'text',
      text: { content: truncateUtf8(`【${message.title}】${message.text}`, WECOM_TEXT_BYTES), mentioned_mobile_list: message.mentionMobiles },
    };
  }
  return { msgtype: 'markdown', markdown: { content: truncateUtf8(`**${escapeMarkdown(message.title)}**\n${escapeMarkdown(message.text)}`, WECOM_MARKDOWN_BYTES) } };
}

/**
 * The JSON a 钉钉 custom robot takes (`POST …/robot/send?access_token=…&timestamp=…&sign=…`): both
 * kinds mention by mobile number in `at.atMobiles`; markdown must also name them in its text.
 */
export function dingtalkPayload(message: ChannelMessage, msgtype: RobotMsgtype): Record<string, unknown> {
  const at = { atMobiles: message.mentionMobiles, isAtAll: false };
  if (msgtype === 'text') return { msgtype: 'text', text: { content: truncateUtf8(`【${message.title}】${message.text}`, DINGTALK_BYTES) }, at };
  const mentions = message.mentionMobiles.map((mobile) => `@${mobile}`).join(' ');
  const text = `#### ${escapeMarkdown(message.title)}\n\n${escapeMarkdown(message.text)}${mentions === '' ? '' : `\n\n${mentions}`}`;
  return { msgtype: 'markdown', markdown: { title: message.title, text: truncateUtf8(text, DINGTALK_BYTES) }, at };
}

/** Cuts text to at most `maxBytes` of UTF-8 on a character boundary, marking the cut with “…”. */
export function truncateUtf8(text: string, maxBytes: number): string {
  if (Buffer.byteLength(text, 'utf8') <= maxBytes) return text;
  const budget = maxBytes - Buffer.byteLength('…', 'utf8');
  let used = 0;
  let out = '';
  for (const char of text) {
    const size = Buffer.byteLength(char, 'utf8');
    if (used + size > budget) break;
    used += size;
    out += char;
  }
  return `${out}…`;
}

/** A notice's text is people's words: markdown's markup characters in it are shown, not obeyed. */
function escapeMarkdown(text: string): string {
  return text.replace(/([\\`*_[\]<>#])/g, '\\$1');
}
