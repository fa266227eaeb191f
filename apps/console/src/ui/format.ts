import dayjs from 'dayjs';

/** Dates and numbers in Chinese conventions: 2026年3月5日 14:05, 1,234. */
export const formatDateTime = (value: string | null | undefined): string => (value ? dayjs(value).format('YYYY年M月D日 HH:mm') : '—');
export const formatDate = (value: string | null | undefined): string => (value ? dayjs(value).format('YYYY年M月D日') : '—');
export const formatNumber = (value: number | null | undefined): string => (value === null || value === undefined ? '' : value.toLocaleString('zh-CN'));
