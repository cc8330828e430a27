// The main flows, one function each: { role, run(page, helpers), noJs }. A flow audits every
// page it reaches. Flows marked noJs are repeated by the same role, signed in through the
// password form in a context without JavaScript.

/** Submits a form by its submit button and waits for the next page. */
async function send(page, form) {
  await Promise.all([page.waitForLoadState('load'), page.locator(form).locator('button[type=submit]').first().click()]);
}

const today = new Date().toISOString().slice(0, 10);

export const flows = {
  'log an employer visit': {
    role: 'coordinator',
    noJs: true,
    async run(page, { BASE, audit, fail }) {
      await page.goto(`${BASE}/employers`);
      await audit(page, 'coordinator');
      const first = page.locator('main table a[href^="/employers/"]').first();
      const href = await first.getAttribute('href');
      await page.goto(`${BASE}${href}/interactions`);
      await audit(page, 'coordinator');
      // An empty form first: errors next to the fields, in a summary, nothing stored.
      await send(page, `form[action="${href}/interactions"]`);
      if (!(await page.locator('.error-summary').count())) fail('employer visit', 'no error summary for an empty form');
      await audit(page, 'coordinator');
      const summary = `Käynti ${Date.now()}: varasto ja pakkaus, kaksi tehtävää sopisi työkokeiluun`;
      await page.check('input[name=kind][value=visit]');
      await page.fill('input[name=date]', today);
      await page.fill('textarea[name=summary]', summary);
      await page.fill('input[name=need_1]', 'Pakkaustyö aamuvuoroon');
      await page.check('input[name=need_1_hidden]');
      await send(page, `form[action="${href}/interactions"]`);
      await audit(page, 'coordinator');
      if (!(await page.content()).includes('Pakkaustyö aamuvuoroon')) fail('employer visit', 'the need heard is not listed after saving');
    },
  },
  'manager overview': {
    role: 'manager',
    async run(page, { BASE, audit, fail }) {
      await page.goto(`${BASE}/reports`);
      await audit(page, 'manager');
      if (!(await page.locator('main table').count())) fail('manager overview', 'no tables of counts');
    },
  },
};
