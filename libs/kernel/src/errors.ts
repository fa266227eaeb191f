/**
 * Stable error codes. `kind` decides the HTTP status at the gateway; `message` is the Chinese text
 * for people. Codes are a contract: never rename one.
 */
export type ErrorKind =
  | 'invalid_input'
  | 'unauthenticated'
  | 'forbidden'
  | 'not_found'
  | 'conflict'
  | 'too_large'
  | 'unsupported_media_type'
  | 'unprocessable'
  | 'rate_limited'
  | 'unavailable'
  | 'internal';

export const ERROR_CATALOGUE = {
  'REQUEST.INVALID': { kind: 'invalid_input', message: '请求参数不正确' },
  'REQUEST.TOO_LARGE': { kind: 'too_large', message: '请求内容过大' },
  'REQUEST.RATE_LIMITED': { kind: 'rate_limited', message: '请求过于频繁，请稍后再试' },
  'ROUTE.NOT_FOUND': { kind: 'not_found', message: '请求的地址不存在' },
  'AUTH.UNAUTHENTICATED': { kind: 'unauthenticated', message: '请先登录' },
  'AUTH.INVALID_CREDENTIALS': { kind: 'unauthenticated', message: '用户名或密码错误' },
  'AUTH.TOKEN_INVALID': { kind: 'unauthenticated', message: '登录凭证无效或已过期，请重新登录' },
  'AUTH.FORBIDDEN': { kind: 'forbidden', message: '没有执行此操作的权限' },
  'ACTOR.INVALID': { kind: 'unauthenticated', message: '请求缺少有效的操作人信息' },
  'AUTH.OPS_ADMIN_ONLY': { kind: 'forbidden', message: '运维控制台仅限系统管理员使用' },
  'OPS.QUEUE_READ_ONLY': { kind: 'forbidden', message: '任务队列只读：失败的发布请在文档的发布页重新发布，不能在控制台修改任务' },
  'AUTH.ACCOUNT_LOCKED': { kind: 'rate_limited', message: '登录失败次数过多，账户已锁定，请30分钟后再试或联系管理员解锁' },
  'IDENTITY.PASSWORD_POLICY': { kind: 'unprocessable', message: '密码不符合要求：至少12位，包含大写字母、小写字母、数字、符号中的至少三类，且不能包含用户名' },
  'IDENTITY.OLD_PASSWORD_WRONG': { kind: 'forbidden', message: '原密码不正确' },
  'IDENTITY.SELF_ROLE_CHANGE': { kind: 'forbidden', message: '不能授予或撤销本人的角色' },
  'IDENTITY.SELF_ACTION': { kind: 'forbidden', message: '不能对本人账户执行此操作' },
  'IDENTITY.ROLE_CONFLICT': { kind: 'unprocessable', message: '三员分立：系统管理员、安全审计员不能与其他角色由同一用户兼任' },
  'IDENTITY.DEPARTMENT_REQUIRED': { kind: 'unprocessable', message: '该角色要求用户隶属于某个科室' },
  'IDENTITY.NOT_DEPUTY': { kind: 'unprocessable', message: '只有分管领导可以设置分管科室' },
  'IDENTITY.USER_NOT_FOUND': { kind: 'not_found', message: '用户不存在' },
  'IDENTITY.DEPARTMENT_NOT_FOUND': { kind: 'not_found', message: '科室不存在' },
  'IDENTITY.USERNAME_TAKEN': { kind: 'conflict', message: '用户名已存在' },
  'IDENTITY.DEPARTMENT_EXISTS': { kind: 'conflict', message: '本单位已有同名科室' },
  'IDENTITY.IMPORT_INVALID': { kind: 'unprocessable', message: '导入文件有错误，未导入任何用户' },
  'IDENTITY.PLATFORM_ADMIN_REQUIRED': { kind: 'forbidden', message: '新建机关需要平台级管理员，本系统管理员只能管理本单位' },
  // First agency and platform administrators (issue #17).
  'AUTH.PASSWORD_CHANGE_REQUIRED': { kind: 'forbidden', message: '请先修改初始密码：一次性密码登录后只能修改密码（POST /api/v1/me/password）' },
  'IDENTITY.AGENCY_CODE_TAKEN': { kind: 'conflict', message: '机关代码已存在' },
  'IDENTITY.AGENCY_CODE_INVALID': { kind: 'unprocessable', message: '机关代码只能由小写字母、数字、下划线和连字符组成（以字母开头，至多32位）' },
  'IDENTITY.USERNAME_INVALID': { kind: 'unprocessable', message: '用户名须为3至64位字母、数字或 _ . -' },
  // Managed columns and the 政府信息公开目录 (issue #12, points 8 and 9).
  'CATALOGUE.ADMIN_ONLY': { kind: 'forbidden', message: '只有本单位的系统管理员可以管理栏目和公开目录设置' },
  'CATALOGUE.AGENCY_NOT_FOUND': { kind: 'not_found', message: '机关不存在' },
  'CATALOGUE.COLUMN_CODE_INVALID': { kind: 'invalid_input', message: '栏目代码须为2至20位小写字母、数字、下划线或连字符，并以字母开头' },
  'CATALOGUE.COLUMN_NAME_INVALID': { kind: 'invalid_input', message: '栏目名称须为1至20个字符' },
  'CATALOGUE.COLUMN_EXISTS': { kind: 'conflict', message: '本单位已有相同代码或名称的栏目' },
  'CATALOGUE.COLUMN_NOT_FOUND': { kind: 'not_found', message: '栏目不存在' },
  'CATALOGUE.COLUMN_UNAVAILABLE': { kind: 'invalid_input', message: '所选栏目不存在或已停用，请从本单位现有的栏目中选择' },
  'CATALOGUE.COLUMN_RESERVED': { kind: 'invalid_input', message: '政府信息公开年报栏目专用于年度报告：不能停用，文章也不能选用' },
  'CATALOGUE.ORDER_INVALID': { kind: 'invalid_input', message: '栏目排序须列出本单位的全部栏目，每个栏目只出现一次' },
  'CATALOGUE.SETTINGS_INVALID': { kind: 'invalid_input', message: '公开目录设置不正确' },
  'CATALOGUE.FIELD_INVALID': { kind: 'invalid_input', message: '公开目录信息不正确（成文日期、文号、主题分类或公开方式）' },
  'DOCUMENT.NOT_FOUND': { kind: 'not_found', message: '文档不存在或无权查看' },
  'DOCUMENT.VERSION_CONFLICT': { kind: 'conflict', message: '文档已被他人修改，请刷新后重试' },
  'DOCUMENT.VERSION_STALE': { kind: 'conflict', message: '您提交的不是最新版本（您已保存过更新的版本），请刷新后重试' },
  'DOCUMENT.CORRECTION_REQUIRED': { kind: 'conflict', message: '文档已发布，不能直接修改；如需修改，请先发起更正' },
  'DOCUMENT.INVALID_TRANSITION': { kind: 'conflict', message: '文档当前状态不允许此操作' },
  'DOCUMENT.ROLE_NOT_ALLOWED': { kind: 'forbidden', message: '您的角色不能执行此操作' },
  'DOCUMENT.NOT_IN_SCOPE': { kind: 'forbidden', message: '该文档不属于您负责的单位或科室' },
  'DOCUMENT.REASON_REQUIRED': { kind: 'invalid_input', message: '删除草稿必须填写理由' },
  'DOCUMENT.NOT_DISCARDABLE': { kind: 'conflict', message: '只能删除从未发布过的草稿' },
  'DOCUMENT.FINDINGS_UNEXPLAINED': { kind: 'unprocessable', message: '文档含有阻断性检查问题（密级标识、个人信息或禁用词），请修改或逐条填写说明后再提交' },
  'DOCUMENT.HASH_MISMATCH': { kind: 'conflict', message: '文档内容与签署时的内容不一致' },
  'DOCUMENT.NOT_EDITABLE': { kind: 'conflict', message: '文档不在草稿状态，不能修改' },
  'ANNUAL_REPORT.CONSISTENCY_FAILED': { kind: 'unprocessable', message: '年度报告存在未通过的校验规则（错误级），请修改后再提交' },
  'ANNUAL_REPORT.AMBIGUOUS_CELLS': { kind: 'unprocessable', message: '导入的年度报告有无法确定数值的单元格，须逐一核对填写后再提交' },
  'ANNUAL_REPORT.WARNINGS_UNEXPLAINED': { kind: 'unprocessable', message: '年度报告存在警告，提交时须填写情况说明' },
  'ANNUAL_REPORT.YEAR_UNSUPPORTED': { kind: 'unprocessable', message: '不支持该年度的年度报告' },
  'ANNUAL_REPORT.YEAR_NOT_FOUND': { kind: 'unprocessable', message: '未能从文本中识别报告年度' },
  'ANNUAL_REPORT.ALREADY_EXISTS': { kind: 'conflict', message: '本单位该年度的年度报告已存在' },
  'ANNUAL_REPORT.NOT_AN_ANNUAL_REPORT': { kind: 'unprocessable', message: '该文档不是政府信息公开工作年度报告' },
  'ATTACHMENT.TYPE_NOT_ALLOWED': { kind: 'unsupported_media_type', message: '附件类型不受支持：仅可上传 PDF、Word（.docx）、Excel（.xlsx）、OFD、JPG、PNG 文件' },
  'ATTACHMENT.TYPE_MISMATCH': { kind: 'invalid_input', message: '附件的文件名后缀与文件内容不符' },
  'ATTACHMENT.TOO_LARGE': { kind: 'too_large', message: '附件超过大小上限' },
  'ATTACHMENT.EMPTY': { kind: 'invalid_input', message: '附件为空文件' },
  'ATTACHMENT.FILENAME_INVALID': { kind: 'invalid_input', message: '附件文件名不合法：不得包含路径、控制字符，长度不超过 120 个字符' },
  'ATTACHMENT.ARCHIVE_UNSAFE': { kind: 'invalid_input', message: '附件的压缩结构异常（解压后过大、条目过多或路径不安全），已拒绝' },
  'ATTACHMENT.UNREADABLE': { kind: 'invalid_input', message: '无法读取该附件，文件可能已损坏' },
  'ATTACHMENT.DUPLICATE': { kind: 'conflict', message: '该文档已有同名或相同内容的附件' },
  'ATTACHMENT.LIMIT_REACHED': { kind: 'unprocessable', message: '附件数量已达上限' },
  'ATTACHMENT.NOT_FOUND': { kind: 'not_found', message: '附件不存在' },
  'ATTACHMENT.NOT_ARTICLE': { kind: 'unprocessable', message: '只有网站文章可以添加附件' },
  'ATTACHMENT.STORAGE_UNAVAILABLE': { kind: 'unavailable', message: '附件存储暂时不可用，请稍后再试' },
  'IMPORT.UNSUPPORTED_FILE': { kind: 'invalid_input', message: '不支持的文件类型，请上传 .txt、.docx、.html、.xlsx 或带文字层的 .pdf 文件' },
  'IMPORT.NO_TEXT': { kind: 'unprocessable', message: '未能从文件中提取文字（扫描件 PDF 需先进行文字识别）' },
  'REVIEW.SELF_APPROVAL': { kind: 'forbidden', message: '不能审核本人起草的文档' },
  'REVIEW.ALREADY_SIGNED': { kind: 'forbidden', message: '同一版本每人只能签署一个审核环节' },
  'REVIEW.TASK_NOT_FOUND': { kind: 'not_found', message: '没有待办的审核任务' },
  'REVIEW.REASON_REQUIRED': { kind: 'invalid_input', message: '退回必须填写理由' },
  'REVIEW.DELEGATION_INVALID': { kind: 'unprocessable', message: '委托无效：须委托给本人以外的人员，且结束时间晚于开始时间和当前时间' },
  'REVIEW.DELEGATION_NOT_FOUND': { kind: 'not_found', message: '委托不存在或已撤销' },
  'REVIEW.NOT_A_REVIEWER': { kind: 'forbidden', message: '只有审核人员可以委托审核职责' },
  'SECRECY.CASE_NOT_FOUND': { kind: 'not_found', message: '该文档没有待保密审查的记录' },
  'SECRECY.REVIEWER_SIGNED': { kind: 'forbidden', message: '已签署该版本审核环节的人员不能进行保密审查' },
  'SECRECY.BLOCKING_FINDINGS_OPEN': { kind: 'unprocessable', message: '仍有未处置的阻断性检查问题，不能作出可以公开的结论' },
  'SECRECY.FINDING_NOT_FOUND': { kind: 'not_found', message: '该检查问题不存在' },
  'SECRECY.FINDING_ALREADY_DISPOSED': { kind: 'conflict', message: '该检查问题已处置' },
  'SECRECY.FIX_NEEDS_NEW_VERSION': { kind: 'unprocessable', message: '“已修改”只能通过退回修改、形成新版本来实现，请退回起草人' },
  'SECRECY.WHITELIST_NOT_ALLOWED': { kind: 'unprocessable', message: '个人信息和密级标志类问题不能加入词库例外，只能逐次处置' },
  'SECRECY.REASON_REQUIRED': { kind: 'invalid_input', message: '必须填写处置理由' },
  'SECRECY.REFERRAL_PENDING': { kind: 'conflict', message: '该文档已报保密行政管理部门，须先登记其答复' },
  'SECRECY.NO_REFERRAL': { kind: 'conflict', message: '该文档没有待答复的报审记录' },
  'SECRECY.SCAN_UNAVAILABLE': { kind: 'unavailable', message: '暂时无法取得待审版本的内容进行自动检查，请稍后再试' },
  'DICTIONARY.ADMIN_ONLY': { kind: 'forbidden', message: '只有系统管理员可以修改词库' },
  'DICTIONARY.ITEM_NOT_FOUND': { kind: 'not_found', message: '词库中没有该条目' },
  'DICTIONARY.DUPLICATE': { kind: 'conflict', message: '词库中已有相同条目' },
  'DICTIONARY.ENTRY_INVALID': { kind: 'invalid_input', message: '词条无效' },
  'PUBLICATION.NOT_FOUND': { kind: 'not_found', message: '该文档没有发布记录' },
  'PUBLICATION.HASH_MISMATCH': { kind: 'conflict', message: '待发布内容与审核签署的内容不一致，已拒绝发布' },
  'PUBLICATION.SCHEDULE_INVALID': { kind: 'invalid_input', message: '定时发布时间必须是将来的时间（一年以内）' },
  'PUBLICATION.RETRACTION_NOT_REQUESTED': { kind: 'conflict', message: '该文档没有待授权的撤稿申请' },
  'PUBLICATION.SECOND_PERSON_REQUIRED': { kind: 'forbidden', message: '撤稿须由申请人以外的主要领导授权' },
  'PUBLICATION.PORTAL_UNAVAILABLE': { kind: 'unavailable', message: '门户网站暂时无法处理撤稿，请稍后再试' },
  'PUBLICATION.PORTAL_REFUSED': { kind: 'conflict', message: '门户网站拒绝了撤稿请求' },
  'PUBLICATION.PREVIEW_UNAVAILABLE': { kind: 'unavailable', message: '门户网站暂时无法生成预览，请稍后再试' },
  'PUBLICATION.PREVIEW_FAILED': { kind: 'unprocessable', message: '该文档的内容无法生成门户页面预览' },
  'AUDIT.EXPORT_RANGE_INVALID': { kind: 'invalid_input', message: '导出时间段无效：须提供 from 和 to，且不超过 366 天' },
  'AUDIT.EXPORT_TOO_LARGE': { kind: 'too_large', message: '该时间段的审计记录过多，请缩短导出时间段' },
  'PORTAL.SIGNATURE_INVALID': { kind: 'unauthenticated', message: '推送签名无效' },
  'PORTAL.PUSH_STALE': { kind: 'invalid_input', message: '推送已过期' },
  'AUDIT.FORBIDDEN': { kind: 'forbidden', message: '没有查看审计记录的权限' },
  'PORTAL.IDEMPOTENCY_KEY_INVALID': { kind: 'invalid_input', message: 'Idempotency-Key 缺失或与 publicationId 不一致' },
  'PORTAL.IDEMPOTENCY_KEY_REUSED': { kind: 'conflict', message: '该 Idempotency-Key 已用于另一份推送内容' },
  'PORTAL.VERSION_CONFLICT': { kind: 'conflict', message: '该文档的同一版本已以不同内容发布' },
  'PORTAL.DOCUMENT_RETRACTED': { kind: 'conflict', message: '该文档已撤稿，不再接受推送' },
  'PORTAL.ATTACHMENT_MISSING': { kind: 'unprocessable', message: '推送所列的附件尚未上传到门户' },
  'PORTAL.ATTACHMENT_INVALID': { kind: 'invalid_input', message: '附件内容与其 sha256 不符' },
  'PORTAL.PAGE_NOT_FOUND': { kind: 'not_found', message: '页面不存在' },
  // Outbound notice channels (issue #12 point 2).
  'CHANNEL.AGENCY_NOT_FOUND': { kind: 'not_found', message: '机关不存在' },
  'CHANNEL.UNKNOWN': { kind: 'not_found', message: '不支持该通知渠道（可选：wecom 企业微信、dingtalk 钉钉、sms 短信）' },
  'CHANNEL.WEBHOOK_URL_INVALID': { kind: 'unprocessable', message: 'Webhook 地址无效：须为 http 或 https 地址，且不能包含用户名或密码' },
  'CHANNEL.WEBHOOK_HOST_NOT_ALLOWED': { kind: 'unprocessable', message: 'Webhook 地址的主机不在允许的范围内' },
  'CHANNEL.WEBHOOK_REQUIRED': { kind: 'unprocessable', message: '启用群机器人须填写 Webhook 地址' },
  'CHANNEL.SECRET_REQUIRED': { kind: 'unprocessable', message: '启用钉钉机器人须填写加签密钥' },
  'CHANNEL.SMS_UNAVAILABLE': { kind: 'unprocessable', message: '系统未配置短信服务，暂不能启用短信通知' },
  'CHANNEL.PHONE_REQUIRED': { kind: 'unprocessable', message: '选择短信通知须先填写手机号码' },
  'CHANNEL.PHONE_INVALID': { kind: 'unprocessable', message: '手机号码格式不正确，须为11位中国大陆手机号码' },
  'CHANNEL.DELIVERY_NOT_FOUND': { kind: 'not_found', message: '投递记录不存在' },
  'CHANNEL.DELIVERY_NOT_FAILED': { kind: 'conflict', message: '该投递不是失败状态，无需重新投递' },
  'SERVICE.UNAVAILABLE': { kind: 'unavailable', message: '服务暂时不可用，请稍后再试' },
  // Hostile input and forged browser requests (issue #11).
  'REQUEST.TEXT_INVALID': { kind: 'unprocessable', message: '输入内容含有不允许的字符' },
  'REQUEST.JSON_TOO_DEEP': { kind: 'invalid_input', message: '请求内容嵌套层级过深' },
  'REQUEST.UNSUPPORTED_MEDIA_TYPE': { kind: 'unsupported_media_type', message: '请求的内容类型不受支持，请以 application/json 提交' },
  'REQUEST.NUMBER_OUT_OF_RANGE': { kind: 'unprocessable', message: '数值超出允许范围' },
  'AUTH.CSRF_INVALID': { kind: 'forbidden', message: '请求缺少有效的 CSRF 令牌，请刷新页面后重试' },
  'INTERNAL': { kind: 'internal', message: '系统内部错误' },
} as const satisfies Record<string, { kind: ErrorKind; message: string }>;

export type ErrorCode = keyof typeof ERROR_CATALOGUE;

/** The shape of an error on the wire (NATS replies and HTTP bodies). */
export interface ErrorBody {
  code: string;
  message: string;
  details?: Record<string, unknown>;
}

/**
 * A rule refused the request. Use cases throw it; the RPC layer sends it as {code, message, details};
 * the gateway maps its kind to an HTTP status. Not for bugs: those stay plain Errors.
 */
export class DomainError extends Error {
  readonly code: ErrorCode;
  readonly details: Record<string, unknown> | undefined;

  constructor(code: ErrorCode, details?: Record<string, unknown>, message?: string) {
    super(message ?? ERROR_CATALOGUE[code].message);
    this.name = 'DomainError';
    this.code = code;
    this.details = details;
  }

  get kind(): ErrorKind {
    return ERROR_CATALOGUE[this.code].kind;
  }

  toBody(): ErrorBody {
    return this.details === undefined
      ? { code: this.code, message: this.message }
      : { code: this.code, message: this.message, details: this.details };
  }
}

export function isErrorCode(value: unknown): value is ErrorCode {
  return typeof value === 'string' && Object.hasOwn(ERROR_CATALOGUE, value);
}

/**
 * Rebuilds a DomainError from a wire body (an RPC reply); null when the body is not one of ours.
 * A body wrapped once or twice more (an RpcException's `error`, a `{status, message}` or
 * `{response}` envelope) is unwrapped.
 */
export function domainErrorFromBody(body: unknown, depth = 0): DomainError | null {
  if (typeof body !== 'object' || body === null || depth > 3) return null;
  const { code, message, details } = body as Partial<ErrorBody>;
  if (isErrorCode(code)) return new DomainError(code, details, typeof message === 'string' ? message : undefined);
  for (const key of ['error', 'message', 'response'] as const) {
    const inner = domainErrorFromBody((body as Record<string, unknown>)[key], depth + 1);
    if (inner) return inner;
  }
  return null;
}
