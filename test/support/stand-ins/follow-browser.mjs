#!/usr/bin/env node
// A browser for tests, used as $BROWSER: it opens the address, follows redirects with the cookies
// it was given, submits the page's form (Microsoft's auto-submitting form_post, an identity
// provider's sign-in as $BROWSER_LOGIN and its consent), and stops at the app's loopback page.
// What it saw last is appended to $RICOCHET_TEST_BROWSER_LOG when that is set.
import { appendFileSync } from 'node:fs';
import { pathToFileURL } from 'node:url';

const attribute = (tag, name) => new RegExp(`${name}="([^"]*)"`, 'i').exec(tag)?.[1];

/** Cookies per host, as a browser keeps them between the pages of a sign-in. */
function cookieJar() {
  const jar = new Map();
  return {
    header: (url) => [...(jar.get(new URL(url).host) ?? new Map())].map(([k, v]) => `${k}=${v}`).join('; '),
    keep(url, res) {
      const cookies = jar.get(new URL(url).host) ?? new Map();
      for (const line of res.headers.getSetCookie()) {
        const [pair] = line.split(';');
        const at = pair.indexOf('=');
        cookies.set(pair.slice(0, at).trim(), pair.slice(at + 1).trim());
      }
      jar.set(new URL(url).host, cookies);
    },
  };
}

export async function follow(address, login = process.env.BROWSER_LOGIN ?? '') {
  const cookies = cookieJar();
  let next = { url: address, method: 'GET', body: undefined };
  for (let hop = 0; hop < 30; hop++) {
    const res = await fetch(next.url, {
      method: next.method,
      body: next.body,
      headers: {
        cookie: cookies.header(next.url),
        ...(next.body ? { 'content-type': 'application/x-www-form-urlencoded' } : {}),
      },
      redirect: 'manual',
    });
    cookies.keep(next.url, res);
    if (res.status >= 300 && res.status < 400) {
      await res.body?.cancel();
      next = { url: new URL(res.headers.get('location'), next.url).toString(), method: 'GET' };
      continue;
    }
    const html = await res.text();
    const form = /<form([^>]*)>([\s\S]*?)<\/form>/i.exec(html);
    if (form && new URL(next.url).pathname !== '/callback') {
      const fields = new URLSearchParams();
      for (const [input] of form[2].matchAll(/<input[^>]*>/gi)) {
        const name = attribute(input, 'name');
        if (!name) continue;
        const value =
          name === 'login' ? login : name === 'password' ? 'any password' : attribute(input, 'value');
        fields.append(name, (value ?? '').replace(/&quot;/g, '"'));
      }
      next = {
        url: new URL(attribute(form[1], 'action') ?? next.url, next.url).toString(),
        method: 'POST',
        body: fields.toString(),
      };
      continue;
    }
    return { status: res.status, text: html };
  }
  return { status: 0, text: 'too many hops' };
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const seen = await follow(process.argv[2]).catch((error) => ({ status: 0, text: String(error) }));
  const log = process.env.RICOCHET_TEST_BROWSER_LOG;
  if (log) appendFileSync(log, `${JSON.stringify(seen)}\n`);
}
