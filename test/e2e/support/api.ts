import request from 'supertest';
import type { Response } from 'supertest';
import type { RunningSystem } from './system.js';

/** A signed-in demo user talking to the gateway over HTTP. */
export interface Session {
  username: string;
  token: string;
  userId: string;
  get(path: string, headers?: Record<string, string>): Promise<Response>;
  post(path: string, body?: object, headers?: Record<string, string>): Promise<Response>;
  patch(path: string, body?: object): Promise<Response>;
}

export async function signIn(system: RunningSystem, username: string, password = system.demoPassword): Promise<Session> {
  const login = await request(system.gatewayUrl)
    .post('/api/v1/auth/login')
    .send({ username, password });
  if (login.status !== 200) throw new Error(`sign-in of ${username} failed: ${login.status} ${JSON.stringify(login.body)}`);
  const token = login.body.accessToken as string;
  const auth = { Authorization: `Bearer ${token}` };
  return {
    username,
    token,
    userId: login.body.user.userId as string,
    get: (path, headers = {}) => request(system.gatewayUrl).get(path).set({ ...auth, ...headers }),
    post: (path, body = {}, headers = {}) => request(system.gatewayUrl).post(path).set({ ...auth, ...headers }).send(body),
    patch: (path, body = {}) => request(system.gatewayUrl).patch(path).set(auth).send(body),
  };
}
