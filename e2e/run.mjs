// The browser suite: signs in demo users of each role through their one-time links, walks the
// main flows, runs axe-core (WCAG 2.2 AA tags) on every page it visits, checks keyboard use and
// CSP, checks reflow at 320 px (WCAG 1.4.10) and the absence of raw ESCO URIs on every page it
// visits, searches skills and occupations by Finnish words as each role, repeats the key flows
// with JavaScript disabled, and tries a cross-site form post.
//
// Usage: BASE=http://127.0.0.1:PORT LINKS=file-with-serve-output node run.mjs
import { readFileSync } from 'node:fs';
import http from 'node:http';
import { audit, context, fail, findings, go, keyboard, launch, reflow, reflowReport, visited, foreignAllowed, personalData, privacyReport } from './lib.mjs';
import { flows } from './flows.mjs';

const BASE = process.env.BASE;
const links = Object.fromEntries(
  readFileSync(process.env.LINKS, 'utf8')
    .split('\n')
    .map((l) => l.trim().split(/\s+/))
    .filter((p) => p.length === 3 && p[2].includes('/activate?token='))
    .map(([role, email, url]) => [role, { email, url }]),
);
const PASSWORD = 'kissa istuu ikkunalla 2026';

/** Activates an account through its link; returns a signed-in page. */
async function signIn(browser, role, opts = {}) {
  const link = links[role];
  if (!link) { fail(role, 'no sign-in link printed by polku serve --demo'); return null; }
  const ctx = await context(browser, opts);
  const page = await ctx.newPage();
  await go(page, link.url, role);
  if (opts.javaScriptEnabled !== false) { await audit(page, role); await keyboard(page, role); }
  await page.fill('input[name=password]', PASSWORD);
  await page.fill('input[name=password_confirm]', PASSWORD);
  // Activation lands on the home page with its confirmation (`/?saved=password`).
  await Promise.all([
    page.waitForURL((u) => u.origin === BASE && u.pathname === '/'),
    page.click('form[action="/activate"] button[type=submit]'),
  ]);
  if (!(await page.locator('[role=status].notice-success').count())) {
    fail(role, 'no confirmation after setting the password');
  }
  return page;
}

/** Visits every same-origin link reachable from the home page in `depth` clicks (deep enough for
 *  the participant tabs), auditing each page shape once. */
async function crawl(page, role, depth = 3, limit = 60) {
  const seen = new Set();
  let frontier = ['/'];
  for (let d = 0; d <= depth && seen.size < limit; d++) {
    const next = [];
    for (const path of frontier) {
      const shape = path.replace(/[0-9a-f]{8}-[0-9a-f-]{27}/g, ':id');
      if (seen.has(shape) || seen.size >= limit) continue;
      seen.add(shape);
      const status = await go(page, BASE + path, `${role} crawl`);
      if (status !== 200) continue;
      await audit(page, role);
      await reflow(page, role, shape);
      // Downloads (the access export) are files, not pages: the flows check them.
      const hrefs = await page.$$eval('main a[href^="/"]:not([download]), nav a[href^="/"]:not([download])', (as) => as.map((a) => a.getAttribute('href')));
      for (const h of hrefs) next.push(h.split('#')[0]);
    }
    frontier = next;
  }
  return seen.size;
}

/** Every role can look skills and occupations up by Finnish words and gets them by name
 *  (the shipped working labels, before any official ESCO pack is imported). */
async function searchReference(page, role) {
  for (const q of ['siivous', 'varasto', 'asiakaspalvelu']) {
    for (const kind of ['skill', 'occupation']) {
      const status = await go(page, `${BASE}/esco?kind=${kind}&q=${encodeURIComponent(q)}`, `${role} search`);
      if (status !== 200) continue;
      await audit(page, role);
      const hits = await page.$$eval('main ol.esco-hits > li a', (as) => as.map((a) => a.textContent.trim()));
      if (!hits.length) fail(`${role} search`, `"${q}" found no ${kind}`);
      else if (hits.some((h) => !h || /data\.europa\.eu/.test(h))) fail(`${role} search`, `"${q}" gave a hit without a name`);
    }
  }
}

async function crossSite(browser, page) {
  // An attacker page on another loopback address auto-submits a form to the application.
  const app = new URL(BASE);
  const server = http.createServer((req, res) => {
    res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
    res.end(`<!doctype html><html lang="en"><title>x</title><form id="f" method="post" action="${BASE}/sign-out"></form>
      <script>document.getElementById('f').submit()</script>`);
  });
  await new Promise((r) => server.listen(0, '127.0.0.2', r));
  const evil = `http://127.0.0.2:${server.address().port}/`;
  foreignAllowed.add(new URL(evil).host); // the attacker's page, visited on purpose (R31)
  const posted = page.waitForResponse((r) => r.url() === `${BASE}/sign-out` && r.request().method() === 'POST');
  await page.goto(evil);
  const res = await posted;
  if (res.status() !== 403) fail('cross-site', `POST from ${evil} to ${app.host} answered ${res.status()}, expected 403`);
  server.close();
  const home = await page.goto(`${BASE}/`);
  if (!home.url().endsWith('/') || home.url().includes('sign-in')) fail('cross-site', 'the session ended after a cross-site post');
}

/** Flows name the personal data they type in (names, identity codes): R31 checks no requested
 *  URL carries any of it. */
const personal = (...values) => { for (const v of values) personalData.add(String(v)); };

const browser = await launch();
try {
  const pages = {};
  for (const role of ['coach', 'coordinator', 'manager', 'admin', 'employer', 'mentor', 'institution']) {
    const page = await signIn(browser, role);
    if (!page) continue;
    pages[role] = page;
    await audit(page, role);
    await keyboard(page, role);
  }
  for (const [name, flow] of Object.entries(flows)) {
    const role = flow.role || flow.roles[0];
    const page = pages[role];
    if (!page) { fail(name, `no signed-in ${role}`); continue; }
    const before = findings.length;
    // A flow with several people gets the others' pages through `as`; `check` audits a page
    // and checks its reflow at 320 px.
    const as = async (role) => pages[role] || (fail(name, `no signed-in ${role}`), null);
    const check = async (p, role) => { await audit(p, role); await reflow(p, role, new URL(p.url()).pathname.replace(/[0-9a-f]{8}-[0-9a-f-]{27}/g, ':id')); };
    try { await flow.run(page, { BASE, audit, check, fail, go, as, personal }); } catch (e) { fail(name, e.message.split('\n')[0]); }
    if (findings.length === before) console.log(`flow passed: ${name}`);
  }
  for (const [role, page] of Object.entries(pages)) {
    const before = findings.length;
    await searchReference(page, role);
    if (findings.length === before) console.log(`${role}: "siivous", "varasto" and "asiakaspalvelu" find named skills and occupations`);
  }
  for (const [role, page] of Object.entries(pages)) {
    const n = await crawl(page, role);
    console.log(`${role}: crawled ${n} page shapes`);
  }
  if (pages.coach) await crossSite(browser, pages.coach);

  // Without JavaScript: the language switch, and the flows marked noJs, still work.
  const ctx = await context(browser, { javaScriptEnabled: false });
  const nojs = await ctx.newPage();
  await go(nojs, `${BASE}/sign-in`, 'no-js');
  await Promise.all([nojs.waitForLoadState('load'), nojs.click('form.language-switch button[value=sv]')]);
  if (!(await nojs.content()).includes('lang="sv"')) fail('no-js', 'language switch did not switch to Swedish');
  /** Signs `role` in with the password form, without JavaScript, in a fresh context (no
   *  session from an earlier flow); the account was activated above. */
  const signInNoJs = async (role) => {
    if (!links[role]) { fail(`${role} (no JS)`, 'no sign-in link printed by polku serve --demo'); return null; }
    const flowCtx = await context(browser, { javaScriptEnabled: false });
    const page = await flowCtx.newPage();
    await go(page, `${BASE}/sign-in`, 'no-js');
    await page.fill('input[name=email]', links[role].email);
    await page.fill('input[name=password]', PASSWORD);
    await Promise.all([
      page.waitForURL((u) => u.origin === BASE && u.pathname === '/'),
      page.click('form[action="/sign-in"] button[type=submit]'),
    ]);
    return page;
  };
  for (const [name, flow] of Object.entries(flows).filter(([, f]) => f.noJs)) {
    const page = await signInNoJs(flow.role || flow.roles[0]);
    if (!page) continue;
    const others = {};
    const as = async (role) => (others[role] ??= await signInNoJs(role));
    const before = findings.length;
    try { await flow.run(page, { BASE, audit: async () => {}, check: async () => {}, fail, go, as, personal }); } catch (e) { fail(`${name} (no JS)`, e.message.split('\n')[0]); }
    if (findings.length === before) console.log(`flow passed without JavaScript: ${name}`);
  }
  // R31: request hosts, personal data in URLs, and browser storage on every origin visited.
  const before = findings.length;
  const summary = await privacyReport(BASE);
  if (findings.length === before) console.log(`R31: ${summary}: one host, no personal data in a URL, nothing stored but the session cookie`);
} finally {
  await browser.close();
}
reflowReport();
console.log(`visited ${visited.size} pages with axe-core (${[...new Set([...visited].map((v) => v.split(' ')[0]))].join(', ')})`);
if (findings.length) {
  console.error(`${findings.length} problem(s) found`);
  process.exit(1);
}
console.log('e2e: no accessibility violations, no CSP violations, all flows passed');
