export const ROOT_LOGGER = Symbol('ROOT_LOGGER');
export const REDIS_CONNECTION = Symbol('REDIS_CONNECTION');
