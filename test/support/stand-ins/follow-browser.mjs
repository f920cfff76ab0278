#!/usr/bin/env node
// A browser for tests, used as $BROWSER: it opens the address, follows redirects, submits the
// page's auto-submitting form (Microsoft's form_post), and stops at the app's loopback page.
// What it saw last is appended to $RICOCHET_TEST_BROWSER_LOG when that is set.
import { appendFileSync } from 'node:fs';
import { pathToFileURL } from 'node:url';

export async function follow(address) {
  let next = { url: address, method: 'GET', body: undefined };
  for (let hop = 0; hop < 10; hop++) {
    const res = await fetch(next.url, {
      method: next.method,
      body: next.body,
      headers: next.body ? { 'content-type': 'application/x-www-form-urlencoded' } : {},
      redirect: 'manual',
    });
    if (res.status >= 300 && res.status < 400) {
      await res.body?.cancel();
      next = { url: new URL(res.headers.get('location'), next.url).toString(), method: 'GET' };
      continue;
    }
    const html = await res.text();
    const form = /<form[^>]*method="POST"[^>]*action="([^"]+)"[^>]*>([\s\S]*?)<\/form>/i.exec(html);
    if (form) {
      const fields = new URLSearchParams();
      for (const m of form[2].matchAll(/<input type="hidden" name="([^"]+)" value="([^"]*)"\/>/g))
        fields.append(m[1], m[2].replace(/&quot;/g, '"'));
      next = { url: new URL(form[1], next.url).toString(), method: 'POST', body: fields.toString() };
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
