/** Common 栏目 of a government portal; the server accepts any 栏目 name until 栏目 management exists. */
export const COLUMNS = ['工作动态', '通知公告', '政策文件', '政策解读', '人事信息', '规划计划', '财政信息'];
