import { createZodDto } from 'nestjs-zod';
import { z } from 'zod';
import { text } from './fields.js';

/** What a sign-in needs: the API's and the operators' console's form alike. */
export const CREDENTIALS = {
  username: text(64).describe('用户名'),
  password: text(256).describe('密码'),
};

export class LoginDto extends createZodDto(
  z
    .strictObject({
      ...CREDENTIALS,
      cookie: z.boolean().optional().describe('true：浏览器控制台——会话放在 HttpOnly Cookie 中，应答返回 CSRF 令牌（见 docs/identity.md）'),
    })
    .meta({ example: { username: 'gx_drafter', password: 'Sanshen-Demo-2026!' } }),
) {}

export class RefreshDto extends createZodDto(
  z
    .strictObject({
      // Any string is judged as a token: the wrong kind (an access token) is 401 like every token fault.
      refreshToken: text(4096).optional().describe('刷新令牌；Cookie 会话不填（使用刷新 Cookie 与 X-CSRF-Token 请求头）'),
    })
    .meta({ example: { refreshToken: 'eyJhbGciOiJIUzI1NiJ9…' } }),
) {}
