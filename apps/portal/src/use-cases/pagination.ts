/** Where a paginated list stands: pages are numbered from 1. */
export interface Pagination {
  page: number;
  pageSize: number;
  total: number;
  pages: number;
}

export const MAX_PAGE = 1000;

export function pagination(page: number, pageSize: number, total: number): Pagination {
  return { page, pageSize, total, pages: Math.max(1, Math.ceil(total / pageSize)) };
}

/** `?page=` as given: absent is 1; anything but an integer 1…MAX_PAGE is null (the caller answers 404 or 400). */
export function pageNumber(value: unknown): number | null {
  if (value === undefined || value === '') return 1;
  if (typeof value !== 'string' || !/^[1-9]\d{0,3}$/.test(value)) return null;
  const page = Number(value);
  return page <= MAX_PAGE ? page : null;
}
