// Shared helpers for the browser suite: launching Debian's Chromium, axe-core checks, CSP
// violation capture and a keyboard check. Each finding is collected, not thrown, so one run
// reports every problem.
import { chromium } from 'playwright-core';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
const AXE_SOURCE = readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');
export const AXE_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];

export const findings = [];
export const visited = new Set();
export function fail(where, what) {
  findings.push(`${where}: ${what}`);
  console.error(`FAIL ${where}: ${what}`);
}

export async function launch() {
  return chromium.launch({
    executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
      '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
}

/** A new browser context whose pages record CSP violations and dialogs (XSS canaries). */
export async function context(browser, { javaScriptEnabled = true, locale = 'fi-FI' } = {}) {
  const ctx = await browser.newContext({ javaScriptEnabled, locale });
  if (javaScriptEnabled) {
    await ctx.addInitScript(() => {
      window.__csp = [];
      document.addEventListener('securitypolicyviolation', (e) => {
        window.__csp.push(`${e.violatedDirective} ${e.blockedURI}`);
      });
    });
  }
  ctx.on('page', (page) => watch(page));
  recordRequests(ctx, javaScriptEnabled);
  return ctx;
}

export function watch(page) {
  page.on('dialog', async (d) => {
    fail(page.url(), `a dialog opened (${d.type()}: ${d.message()}) — script injection?`);
    await d.dismiss();
  });
  page.on('console', (m) => {
    if (m.type() === 'error' && /Content Security Policy|Refused to/.test(m.text())) {
      fail(page.url(), `CSP: ${m.text()}`);
    }
  });
}

/** Runs axe-core on the current page and checks the CSP log and the basic landmarks. */
export async function audit(page, label) {
  const where = `${label} ${new URL(page.url()).pathname}`;
  visited.add(where);
  const csp = await page.evaluate(() => window.__csp || []);
  for (const v of csp) fail(where, `CSP violation ${v}`);
  await page.evaluate(AXE_SOURCE);
  const result = await page.evaluate(async (tags) => {
    // eslint-disable-next-line no-undef
    const r = await axe.run(document, { runOnly: { type: 'tag', values: tags }, resultTypes: ['violations'] });
    return r.violations.map((v) => ({ id: v.id, impact: v.impact, help: v.help,
      nodes: v.nodes.slice(0, 3).map((n) => n.target.join(' ')) }));
  }, AXE_TAGS);
  for (const v of result) fail(where, `axe ${v.id} (${v.impact}): ${v.help} at ${v.nodes.join(' | ')}`);
  const h1 = await page.locator('h1').count();
  if (h1 !== 1) fail(where, `expected one h1, found ${h1}`);
  if (await page.locator('main#main').count() !== 1) fail(where, 'no main landmark');
  const lang = await page.getAttribute('html', 'lang');
  if (!lang) fail(where, 'no lang attribute');
  // Skills and occupations are shown by name, never as their ESCO address.
  const raw = await page.evaluate(() => (document.body.innerText.match(/https?:\/\/data\.europa\.eu\/esco\/\S*/) || [])[0]);
  if (raw) fail(where, `a raw ESCO URI in the page text: ${raw}`);
}

/** Keyboard: the first Tab reaches the skip link, which moves focus to the main content, and
 *  the focused element has a visible outline. */
export async function keyboard(page, label) {
  const where = `${label} keyboard ${new URL(page.url()).pathname}`;
  await page.keyboard.press('Tab');
  const first = await page.evaluate(() => ({
    cls: document.activeElement?.className || '',
    outline: getComputedStyle(document.activeElement).outlineStyle,
  }));
  if (!first.cls.includes('skip-link')) fail(where, `first Tab went to "${first.cls}", not the skip link`);
  if (first.outline === 'none') fail(where, 'focused element has no visible outline');
  await page.keyboard.press('Enter');
  const id = await page.evaluate(() => document.activeElement?.id || '');
  if (id !== 'main') fail(where, `skip link moved focus to "${id}", not main`);
}

/** Navigates and checks the response status. */
export async function go(page, url, label, { expect = 200 } = {}) {
  const res = await page.goto(url);
  const status = res ? res.status() : 0;
  if (status !== expect) fail(`${label} ${url}`, `status ${status}, expected ${expect}`);
  return status;
}

/** Submits the form that contains `selector` by clicking its submit button. */
export async function submit(page, formSelector, buttonText) {
  const form = page.locator(formSelector);
  const button = buttonText ? form.getByRole('button', { name: buttonText }) : form.locator('button[type=submit]').first();
  await Promise.all([page.waitForLoadState('load'), button.click()]);
}

/** Pages that still scroll sideways at 320 px: reported on every run but not failed. Empty once
 *  every crawled page reflows; a shape listed here that reflows is reported so it can be removed. */
export const REFLOW_KNOWN = new Set([]);
export const reflowResults = [];

/** WCAG 1.4.10 Reflow: at a 320 CSS px wide viewport the page must not scroll sideways.
 *  Content inside an element that scrolls on its own (a `.table-wrap` with `overflow-x: auto`)
 *  does not widen the document, so it passes. Records the widest offending element. */
export async function reflow(page, label, shape) {
  const before = page.viewportSize();
  await page.setViewportSize({ width: 320, height: 640 });
  const r = await page.evaluate(() => {
    const doc = document.documentElement;
    const vw = window.innerWidth;
    const header = document.querySelector('.site-header');
    let widest = null;
    if (doc.scrollWidth > vw) {
      let max = vw;
      for (const el of document.body.querySelectorAll('*')) {
        const right = el.getBoundingClientRect().right + window.scrollX;
        if (right > max + 0.5) {
          // Skip elements clipped by an ancestor that scrolls on its own. An absolutely
          // positioned element is clipped only by a scroller that is, or is inside, its
          // containing block (a positioned ancestor).
          let p = el.parentElement, clipped = false;
          let needPositioned = getComputedStyle(el).position === 'absolute';
          while (p && p !== document.body) {
            const cs = getComputedStyle(p);
            if (needPositioned && cs.position !== 'static') needPositioned = false;
            if (!needPositioned && ['auto', 'scroll', 'hidden'].includes(cs.overflowX)) { clipped = true; break; }
            p = p.parentElement;
          }
          if (!clipped) {
            max = right;
            widest = el.tagName.toLowerCase() + (el.id ? `#${el.id}` : '') + (el.className && typeof el.className === 'string' ? `.${el.className.trim().split(/\s+/).join('.')}` : '');
          }
        }
      }
    }
    return { width: doc.scrollWidth, viewport: vw, header: header ? Math.round(header.getBoundingClientRect().height) : 0, widest };
  });
  await page.setViewportSize(before);
  const where = `${label} ${shape}`;
  const over = r.width > r.viewport;
  reflowResults.push({ where, ...r, over });
  if (over && !REFLOW_KNOWN.has(where)) {
    fail(where, `reflow: ${r.width} px wide at a ${r.viewport} px viewport (widest: ${r.widest}) — WCAG 1.4.10`);
  }
}

/** Prints the 320 px figures: offending pages with their widths, the known offenders, and the
 *  tallest header. */
export function reflowReport() {
  const over = reflowResults.filter((r) => r.over);
  console.log(`reflow at 320 px: ${over.length} of ${reflowResults.length} crawled pages scroll sideways`);
  for (const r of over) console.log(`  ${r.width} px  ${r.where}  (widest: ${r.widest})${REFLOW_KNOWN.has(r.where) ? '  [known offender]' : ''}`);
  for (const k of REFLOW_KNOWN) {
    if (reflowResults.some((r) => r.where === k && !r.over)) console.log(`  ${k} now reflows: remove it from REFLOW_KNOWN`);
  }
  const headers = reflowResults.map((r) => r.header);
  if (headers.length) console.log(`header height at 320 px: ${Math.min(...headers)}–${Math.max(...headers)} px`);
}

// R31: sensitive data never leaves for third parties, never rides in a URL and is never kept in
// browser storage (the session cookie apart). Every context made by `context()` records the URL
// of every request its pages make; `privacyReport()` checks them and the contexts' storage.

/** The canary mark of the test data (R32): the flows put it in the participants' names. */
export const CANARY_MARK = 'Xqzcanary';
/** Every context made by `context()`, for the storage check at the end. */
export const contexts = [];
/** Every request made by any page: { url, where }. */
export const requests = [];
/** Hosts other than the server under test that a check visits on purpose (the cross-site post's
 *  attacker page); their requests are recorded but not failed. */
export const foreignAllowed = new Set();
/** Personal data the flows typed in (names, identity codes): none may appear in a URL. */
export const personalData = new Set();

export function recordRequests(ctx, javaScriptEnabled) {
  contexts.push({ ctx, javaScriptEnabled });
  ctx.on('request', (req) => {
    let where = '(no page)';
    try { where = req.frame().page().url(); } catch { /* a service worker or a detached frame */ }
    requests.push({ url: req.url(), where });
  });
}

/** The cookies a page may leave: the session cookie, and the language choice (fi, sv or en: a
 *  preference, no personal datum). */
const COOKIES_ALLOWED = { '__Host-polku_session': /^[A-Za-z0-9_-]+$/, polku_lang: /^(fi|sv|en)$/ };

/** A path and query as a server would read them (percent- and plus-decoded), lower case. */
function spoken(u) {
  const raw = `${u.pathname}${u.search}`.replace(/\+/g, ' ');
  try { return decodeURIComponent(raw).toLowerCase(); } catch { return raw.toLowerCase(); }
}

/** Checks every recorded request's host against `base`, every URL for personal data and the
 *  canary mark, and every context's cookies, localStorage, sessionStorage and IndexedDB on every
 *  origin it visited. Returns a one-line summary. */
export async function privacyReport(base) {
  const app = new URL(base);
  const origins = new Set();
  const needles = [...personalData].filter((d) => d && d.length >= 3).map((d) => d.toLowerCase());
  let checked = 0;
  for (const { url, where } of requests) {
    let u;
    try { u = new URL(url); } catch { fail('R31 request', `unparsable URL requested from ${where}`); continue; }
    if (['data:', 'blob:', 'about:'].includes(u.protocol)) continue;
    checked++;
    origins.add(u.origin);
    if (u.host !== app.host && !foreignAllowed.has(u.host)) fail('R31 request', `${where} requested ${u.protocol}//${u.host}${u.pathname}: a host other than the server under test`);
    const said = spoken(u);
    const shape = u.pathname.replace(/[0-9a-f]{8}-[0-9a-f-]{27}/g, ':id');
    if (said.includes(CANARY_MARK.toLowerCase())) fail('R31 request', `the canary mark is in a requested URL (path ${shape})`);
    for (const d of needles) if (said.includes(d)) fail('R31 request', `personal data the flows entered is in a requested URL (path ${shape})`);
  }
  let reads = 0;
  const stored = (where, what, n) => { if (n) fail('R31 storage', `${what} of ${where} holds ${n} item(s)`); };
  for (const { ctx, javaScriptEnabled } of contexts) {
    const open = ctx.pages();
    if (!open.length) continue;
    let state;
    try { state = await ctx.storageState({ indexedDB: true }); } catch (e) { fail('R31 storage', `could not read the storage: ${e.message.split('\n')[0]}`); continue; }
    for (const c of state.cookies) {
      const allowed = COOKIES_ALLOWED[c.name];
      if (!allowed) fail('R31 storage', `a cookie "${c.name}" for ${c.domain} besides the session cookie`);
      else if (!allowed.test(c.value)) fail('R31 storage', `the cookie "${c.name}" holds an unexpected value`);
    }
    for (const o of state.origins) {
      stored(o.origin, 'localStorage', o.localStorage?.length || 0);
      stored(o.origin, 'IndexedDB', o.indexedDB?.length || 0);
    }
    reads++;
    // Without JavaScript no page script can write storage; storageState above has read it.
    if (!javaScriptEnabled) continue;
    // sessionStorage belongs to a tab: each open page is taken to a blank document on every
    // origin the suite visited (answered by the test, so no request reaches a server) and reads
    // sessionStorage, localStorage and the IndexedDB database names there.
    for (const page of open) {
      for (const origin of origins) {
        const probe = `${origin}/__r31_storage_probe__`;
        try {
          await page.route(probe, (r) => r.fulfill({ status: 200, contentType: 'text/html', body: '<!doctype html><html lang="en"><title>probe</title></html>' }));
          await page.goto(probe);
          const s = await page.evaluate(async () => ({
            local: localStorage.length,
            session: sessionStorage.length,
            idb: indexedDB.databases ? (await indexedDB.databases()).length : 0,
          }));
          reads++;
          stored(origin, 'localStorage', s.local);
          stored(origin, 'sessionStorage', s.session);
          stored(origin, 'IndexedDB', s.idb);
          await page.unroute(probe);
        } catch (e) {
          fail('R31 storage', `could not read the storage of ${origin}: ${e.message.split('\n')[0]}`);
        }
      }
    }
  }
  return `${checked} requests to ${origins.size} origin(s); storage read ${reads} times in ${contexts.length} browser contexts`;
}
