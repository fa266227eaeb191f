import { htmlTemplates } from '@sanshen/platform/core';

/** The console's sign-in page (eta, auto-escaped): a plain form, no script, readable without styles. */
const LOGIN = `<!DOCTYPE html>
<html lang="zh-CN">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="robots" content="noindex">
<title>运维控制台登录 · 三审</title>
<style>
body{font-family:system-ui,"PingFang SC","Microsoft YaHei","WenQuanYi Zen Hei",sans-serif;background:#f4f5f7;margin:0;color:#1f2329}
main{max-width:22rem;margin:10vh auto;background:#fff;padding:2rem;border-radius:6px;box-shadow:0 1px 4px rgba(0,0,0,.12)}
h1{font-size:1.3rem;margin:0 0 .3rem}
p.hint{color:#646a73;margin:0 0 1.2rem;font-size:.9rem}
label{display:block;margin:.8rem 0 .3rem}
input{width:100%;box-sizing:border-box;padding:.5rem;font-size:1rem;border:1px solid #c9cdd4;border-radius:4px}
button{margin-top:1.2rem;width:100%;padding:.6rem;font-size:1rem;background:#b71c1c;color:#fff;border:0;border-radius:4px;cursor:pointer}
.error{background:#fdecea;color:#a4161a;padding:.6rem;border-radius:4px}
</style>
</head>
<body>
<main>
<h1>运维控制台登录</h1>
<p class="hint">查看发布推送、审核催办等后台任务队列，仅限系统管理员。</p>
<% if (it.error !== undefined) { %><p class="error" role="alert"><%= it.error %></p><% } %>
<form method="post" action="/admin/login">
<% if (it.csrfToken !== undefined) { %><input type="hidden" name="_csrf" value="<%= it.csrfToken %>">
<% } %><label for="username">用户名</label>
<input id="username" name="username" autocomplete="username" required maxlength="64" value="<%= it.username %>">
<label for="password">密码</label>
<input id="password" name="password" type="password" autocomplete="current-password" required maxlength="256">
<button type="submit">登录</button>
</form>
</main>
</body>
</html>
`;

const render = htmlTemplates({ login: LOGIN });

export function renderLoginPage(options: { username?: string; error?: string; csrfToken?: string } = {}): string {
  return render('login', options);
}
