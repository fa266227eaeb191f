/** `node:crypto` for the browser build: the contracts' hashing and HMAC helpers are server-only. */
const serverOnly = (): never => {
  throw new Error('node:crypto is not available in the console');
};
export const createHash = serverOnly;
export const createHmac = serverOnly;
export const timingSafeEqual = serverOnly;
export const randomBytes = serverOnly;
export const randomUUID = serverOnly;
