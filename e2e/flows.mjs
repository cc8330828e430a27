// The main flows, one function each: { role, run(page, helpers), noJs }. A flow audits every
// page it reaches. Flows marked noJs are repeated by the same role, signed in through the
// password form in a context without JavaScript.
import { CANARY_MARK } from './lib.mjs';

/** Submits a form by its submit button and waits for the next page. */
async function send(page, form) {
  await Promise.all([page.waitForLoadState('load'), page.locator(form).locator('button[type=submit]').first().click()]);
}

// Today in Finland, as the server counts days (between midnight and 02:00/03:00 Finnish time
// the UTC date is still yesterday's).
const today = new Date().toLocaleDateString('sv-SE', { timeZone: 'Europe/Helsinki' });

/** A random valid Finnish personal identity code (born in the 1900s, '-' century sign). */
function hetu() {
  const d = 1 + Math.floor(Math.random() * 28);
  const m = 1 + Math.floor(Math.random() * 12);
  const y = 50 + Math.floor(Math.random() * 49);
  const n = 2 + Math.floor(Math.random() * 897);
  const p2 = (v) => String(v).padStart(2, '0');
  const digits = `${p2(d)}${p2(m)}${p2(y)}${String(n).padStart(3, '0')}`;
  return `${p2(d)}${p2(m)}${p2(y)}-${String(n).padStart(3, '0')}${'0123456789ABCDEFHJKLMNPRSTUVWXY'[Number(digits) % 31]}`;
}

/** Ids of the participants on the coach's caseload, in page order. */
async function caseload(page, BASE) {
  await page.goto(`${BASE}/participants`);
  const hrefs = await page.$$eval('main a[href^="/participants/"]', (as) => as.map((a) => a.getAttribute('href')));
  return [...new Set(hrefs.map((h) => h.match(/^\/participants\/([0-9a-f-]{36})/)).filter(Boolean).map((m) => m[1]))];
}


/** An ISO date `days` from today (negative: before). */
function isoDays(days) {
  const d = new Date(`${today}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

/** The same day a month earlier (the day clamped to the month's length). */
function monthAgo() {
  const d = new Date(`${today}T00:00:00Z`);
  const y = d.getUTCFullYear();
  const m = d.getUTCMonth();
  const last = new Date(Date.UTC(y, m, 0)).getUTCDate();
  return new Date(Date.UTC(y, m - 1, Math.min(d.getUTCDate(), last))).toISOString().slice(0, 10);
}

/** Fails unless the page shows a saved confirmation. */
async function saved(page, fail, where) {
  if (await page.locator('.error-summary').count()) {
    fail(where, `errors after saving: ${(await page.locator('.error-summary').innerText()).replace(/\s+/g, ' ').slice(0, 200)}`);
    return false;
  }
  if (!(await page.locator('[role=status].notice-success').count())) { fail(where, `no confirmation after saving (${page.url()})`); return false; }
  return true;
}

/** The placement ids linked from the participant's placements tab. */
async function placementIds(page, BASE, participant) {
  await page.goto(`${BASE}/participants/${participant}/placements`);
  const hrefs = await page.$$eval('main a[href^="/placements/"]', (as) => as.map((a) => a.getAttribute('href')));
  return new Set(hrefs.map((h) => h.match(/^\/placements\/([0-9a-f-]{36})$/)).filter(Boolean).map((m) => m[1]));
}

/** The coach proposes `participant` to `employer` from the placements tab with every field group
 *  the participant consented to; returns the new placement's id, or null if refused. */
async function propose(page, BASE, check, participant, employer, terms) {
  const before = await placementIds(page, BASE, participant);
  await page.goto(`${BASE}/participants/${participant}/placements/new?employer=${employer}`);
  if (!(await page.locator('input[name=categories]:not([disabled])').count())) return null;
  if (!(await page.locator('input[name=tasks]').count())) return null;
  await check(page, 'coach');
  await page.selectOption('select[name=kind]', terms.kind);
  // Every task of the employer: the mentor's feedback on them offers the coach evidence (a
  // task's skills the participant's profile does not have yet).
  for (const box of await page.locator('input[name=tasks]').all()) await box.check();
  await page.fill('input[name=start]', terms.start);
  await page.fill('input[name=end]', terms.end);
  await page.fill('input[name=hours_per_day]', '6');
  await page.fill('input[name=days_per_week]', '4');
  if (terms.mentor) {
    const value = await page.$$eval('select[name=mentor] option', (os, name) => (os.find((o) => o.textContent.trim() === name) || {}).value, terms.mentor);
    if (!value) return null;
    await page.selectOption('select[name=mentor]', value);
  }
  for (const box of await page.locator('input[name=categories]:not([disabled])').all()) await box.check();
  await send(page, `form[method=post][action="/participants/${participant}/placements/new"]`);
  if (!page.url().endsWith(`/participants/${participant}/placements?saved=proposal`) && !(await page.locator('[role=status].notice-success').count())) return null;
  const after = await placementIds(page, BASE, participant);
  const fresh = [...after].filter((id) => !before.has(id));
  return fresh.length === 1 ? fresh[0] : null;
}

/** The employer user answers yes to a proposal. */
async function answerYes(page, BASE, check, fail, id) {
  await page.goto(`${BASE}/proposals/${id}`);
  await check(page, 'employer');
  await page.check('input[name=answer][value=yes]');
  await send(page, `form[action="/proposals/${id}/answer"]`);
  await check(page, 'employer');
  return saved(page, fail, 'employer answers');
}

/** The coach moves a placement on (`to`: active, completed) with the move's date. */
async function move(page, BASE, check, fail, id, to, on) {
  await page.goto(`${BASE}/placements/${id}`);
  const form = `form.move:has(input[name=to][value=${to}])`;
  if (!(await page.locator(form).count())) { fail(`placement ${to}`, `no "${to}" move on the placement page`); return false; }
  if (on) await page.locator(form).locator('input[name=on]').fill(on);
  await send(page, form);
  await check(page, 'coach');
  return saved(page, fail, `placement ${to}`);
}

export const flows = {
  'add a participant and fill the questionnaire': {
    role: 'coach',
    noJs: true,
    async run(page, { BASE, audit, fail, personal }) {
      await page.goto(`${BASE}/participants`);
      await audit(page, 'coach');
      await page.goto(`${BASE}/participants/new`);
      await audit(page, 'coach');
      await send(page, 'form[action="/participants/new"]');
      if (!(await page.locator('.error-summary').count())) fail('add participant', 'no error summary for an empty form');
      await audit(page, 'coach');
      // The name carries the test data's canary mark (R32); name and identity code are
      // personal data that no requested URL may carry (R31).
      const family = `Testinen-${CANARY_MARK} ${Date.now() % 100000}`;
      const code = hetu();
      personal(family, code, `Aino ${family}`);
      await page.fill('input[name=given_name]', 'Aino');
      await page.fill('input[name=family_name]', family);
      await page.fill('input[name=hetu]', code);
      await page.fill('input[name=home]', 'Lahti');
      await page.fill('input[name=hours_min]', '10');
      await page.fill('input[name=hours_max]', '25');
      await page.fill('input[name=days_max]', '5');
      for (const group of ['foreign_background', 'disability']) {
        const first = page.locator(`input[type=radio][name=${group}]`).first();
        if (await first.count()) await first.check();
      }
      await send(page, 'form[action="/participants/new"]');
      const m = page.url().match(/\/participants\/([0-9a-f-]{36})/);
      if (!m) { fail('add participant', `not on the participant page after saving: ${page.url()}`); return; }
      await audit(page, 'coach');
      const url = `${BASE}/participants/${m[1]}/functioning`;
      await page.goto(url);
      await audit(page, 'coach');
      // Five steps, one page each: four question groups, then accommodations and notes.
      const form = `form[action="/participants/${m[1]}/functioning"]`;
      let first = null;
      for (let step = 1; step <= 4; step++) {
        const progress = await page.locator('#step-progress').innerText();
        if (!progress.includes(`${step}/5`)) fail('questionnaire', `step ${step}: the progress reads "${progress}"`);
        if ((await page.locator('ol.steps [aria-current=step]').count()) !== 1) fail('questionnaire', `step ${step}: no current step marked`);
        const groups = await page.$$eval('input[type=radio][name^="dim-"]', (is) => [...new Set(is.map((i) => i.name))]);
        if (groups.length < 4 || groups.length > 7) fail('questionnaire', `step ${step}: ${groups.length} questions`);
        for (const [i, g] of groups.entries()) {
          const value = ['4', '3', '2', 'na'][i % 4];
          await page.check(`input[name="${g}"][value="${value}"]`);
        }
        first = first ?? groups[0];
        await send(page, form);
        await audit(page, 'coach');
        if (await page.locator('.error-summary').count()) fail('questionnaire', `saving step ${step} showed errors`);
        if (!(await page.locator('[role=status].notice-success').count())) fail('questionnaire', `saving step ${step} showed no confirmation`);
      }
      if (!(await page.locator('input[name=acc]').count())) fail('questionnaire', 'the last step has no accommodations');
      // A functional note (health data) with the canary mark (R32), saved on the last step.
      const note = `${CANARY_MARK} toimintakyky: selkä ei kestä nostoja`;
      personal(note);
      await page.fill('textarea[name=notes]', note);
      await send(page, form);
      if (await page.locator('.error-summary').count()) fail('questionnaire', 'saving the notes showed errors');
      if (!(await page.locator('[role=status].notice-success').count())) fail('questionnaire', 'saving the notes showed no confirmation');
      await page.goto(url);
      const stored = first !== null && (await page.isChecked(`input[name="${first}"][value="4"]`));
      if (!stored) fail('questionnaire', 'the answer was not stored');
    },
  },
  'see suggested work and craft a job': {
    role: 'coach',
    async run(page, { BASE, audit, fail }) {
      const ids = await caseload(page, BASE);
      let found = null;
      let euros = false;
      for (const id of ids.slice(0, 25)) {
        await page.goto(`${BASE}/participants/${id}/suggestions`);
        const texts = await page.locator('ol.suggestions > li').allInnerTexts();
        if (texts.length && !found) { found = id; await audit(page, 'coach'); }
        // A paid job carries its subsidy estimate or its adjustments' cost in euros (a work
        // trial has no wage, so it may have neither).
        if (texts.some((t) => /€/.test(t))) { euros = true; if (found) break; }
      }
      if (!found) { fail('suggestions', 'no participant on the caseload has a suggestion'); return; }
      if (!euros) fail('suggestions', 'no suggestion on the caseload shows a euro figure (subsidy or adjustment cost)');
      await page.goto(`${BASE}/participants/${found}/craft`);
      await audit(page, 'coach');
      const options = await page.$$eval('select[name=employer] option', (os) => os.map((o) => o.value).filter(Boolean));
      let crafted = false;
      for (const employer of options.slice(0, 15)) {
        await page.goto(`${BASE}/participants/${found}/craft?employer=${employer}`);
        if (await page.locator(`form[method=post][action="/participants/${found}/craft"]`).count()) { crafted = true; break; }
      }
      if (!crafted) { fail('craft', 'no employer gives a crafted job'); return; }
      await audit(page, 'coach');
      await page.fill('input[name=title]', 'Varastoavustaja (räätälöity)');
      await send(page, `form[method=post][action="/participants/${found}/craft"]`);
      await audit(page, 'coach');
      if (!page.url().includes('/craft/saved')) fail('craft', `not on the confirmation after saving: ${page.url()}`);
    },
  },

  'record and withdraw a consent': {
    role: 'coach',
    noJs: true,
    async run(page, { BASE, audit, fail }) {
      const ids = await caseload(page, BASE);
      if (!ids.length) { fail('consent', 'the caseload is empty'); return; }
      const url = `${BASE}/participants/${ids[0]}/consents`;
      const form = `form[method=post][action="/participants/${ids[0]}/consents"]`;
      await page.goto(url);
      await audit(page, 'coach');
      const withdrawBefore = await page.locator('form[action$="/withdraw"]').count();
      if (await page.locator('input:checked').count()) fail('consent', 'a choice is pre-selected on the first step');
      // Giving: purpose, recipient, next; tick one kind of information, how it was given, save.
      let clicks = 0;
      await page.check('input[name=purpose][value=placement]'); clicks++;
      await page.check('input[name=recipient][value=mentor]'); clicks++;
      await Promise.all([page.waitForLoadState('load'), page.locator(`form[method=get][action="/participants/${ids[0]}/consents"] button[type=submit]`).click()]); clicks++;
      await audit(page, 'coach');
      const boxes = await page.locator('input[type=checkbox][name=category]').count();
      if (boxes < 6) fail('consent', `only ${boxes} kinds of information offered`);
      if (await page.locator('input[type=checkbox][name=category]:checked').count()) fail('consent', 'a consent box is pre-ticked');
      // Saving without a box or a method shows errors and records nothing.
      await send(page, form);
      if (!(await page.locator('.error-summary').count())) fail('consent', 'no error summary when nothing is ticked');
      await audit(page, 'coach');
      await page.check('input[name=category][value=skills]'); clicks++;
      await page.check('input[name=method][value=in_meeting]'); clicks++;
      await send(page, form); clicks++;
      await audit(page, 'coach');
      const withdraw = page.locator('form[action$="/withdraw"] button[type=submit]');
      if ((await withdraw.count()) !== withdrawBefore + 1) { fail('consent', 'the consent is not listed as in force after saving'); return; }
      // Withdrawing: one click.
      await Promise.all([page.waitForLoadState('load'), withdraw.first().click()]);
      const withdrawClicks = 1;
      if (withdrawClicks > clicks) fail('consent', `withdrawing took ${withdrawClicks} clicks, giving ${clicks}`);
      if ((await page.locator('form[action$="/withdraw"]').count()) !== withdrawBefore) fail('consent', 'the consent is still in force after withdrawing');
      await audit(page, 'coach');
    },
  },

  'download everything stored about a participant': {
    role: 'coach',
    noJs: true,
    async run(page, { BASE, audit, fail }) {
      const ids = await caseload(page, BASE);
      if (!ids.length) { fail('export', 'the caseload is empty'); return; }
      await page.goto(`${BASE}/participants/${ids[0]}/consents`);
      await audit(page, 'coach');
      const link = page.locator(`main a[download][href="/participants/${ids[0]}/export"]`);
      if ((await link.count()) !== 1) { fail('export', 'no download link on the consents tab'); return; }
      const [download] = await Promise.all([page.waitForEvent('download'), link.click()]);
      if (!/^polku-\d{4}-\d{2}-\d{2}-[0-9a-f-]{36}\.json$/.test(download.suggestedFilename())) {
        fail('export', `unexpected file name ${download.suggestedFilename()}`);
      }
      const { readFile } = await import('node:fs/promises');
      const doc = JSON.parse(await readFile(await download.path(), 'utf8'));
      if (doc.format !== 'polku.subject-export.v1' || doc.subject !== ids[0]) fail('export', 'not the export of this participant');
      // The log lists the reads so far (the download's own entry comes after what it lists).
      if (!doc.access_events.some((e) => e.action === 'read')) fail('export', 'the access log lists no read');
      if (doc.access_events.some((e) => e.actor !== null)) fail('export', 'staff are named in the export');
    },
  },

  'propose, agree, mentor, end the trial and follow up the job': {
    // Three people take part: the coach, the employer user and the mentor (helpers.as(role)).
    roles: ['coach', 'employer', 'mentor'],
    noJs: true,
    async run(page, { BASE, check, fail, as }) {
      const coach = page;
      const employerPage = await as('employer');
      const mentorPage = await as('mentor');
      if (!employerPage || !mentorPage) return;
      // The employer the employer user represents (the gig form names them) and the mentor's name.
      await employerPage.goto(`${BASE}/gigs/new`);
      const hidden = employerPage.locator('form input[type=hidden][name=employer]');
      const choice = employerPage.locator('main a[href^="/gigs/new?employer="]');
      let employer = null;
      if (await hidden.count()) employer = await hidden.first().getAttribute('value');
      else if (await choice.count()) employer = (await choice.first().getAttribute('href')).split('=')[1];
      if (!employer) { fail('placement story', 'the employer user represents no employer'); return; }
      await mentorPage.goto(`${BASE}/mentoring`);
      await check(mentorPage, 'mentor');
      const mentorName = (await mentorPage.locator('.user-name').innerText()).trim();

      // 1. The coach proposes a participant for a four-week work trial with the mentor.
      const trialTerms = { kind: 'work_trial', start: today, end: isoDays(27), mentor: mentorName };
      let participant = null;
      let trial = null;
      for (const id of (await caseload(coach, BASE)).slice(0, 40)) {
        trial = await propose(coach, BASE, check, id, employer, trialTerms);
        if (trial) { participant = id; break; }
      }
      if (!trial) { fail('placement story', 'no participant on the caseload could be proposed to the employer user\'s employer'); return; }
      await check(coach, 'coach');
      await coach.goto(`${BASE}/placements/${trial}`);
      await check(coach, 'coach');
      const who = (await coach.locator('dl.facts dd').first().innerText()).trim();

      // 2. The employer user answers yes.
      if (!(await answerYes(employerPage, BASE, check, fail, trial))) return;

      // 3. The coach writes the agreement; the employer accepts it in the service, the
      //    participant and the employment authority on paper.
      await coach.goto(`${BASE}/placements/${trial}/agreement`);
      await check(coach, 'coach');
      await coach.goto(`${BASE}/placements/${trial}/agreement/edit`);
      await check(coach, 'coach');
      await coach.fill('input[name=signatory_name]', 'Maija Esimerkki');
      await coach.fill('input[name=signatory_title]', 'Toimitusjohtaja');
      await coach.fill('input[name=authority_name]', 'Pekka Virkailija');
      await coach.fill('input[name=authority_organisation]', 'Päijät-Hämeen TE-palvelut');
      await coach.fill('input[name=authority_contact]', '029 000 0000');
      await send(coach, `form[action="/placements/${trial}/agreement/edit"]`);
      await check(coach, 'coach');
      if (!(await saved(coach, fail, 'agreement written'))) return;
      await employerPage.goto(`${BASE}/placements/${trial}/agreement`);
      await check(employerPage, 'employer');
      await send(employerPage, `form[action="/placements/${trial}/agreement/accept"]`);
      await check(employerPage, 'employer');
      if (!(await saved(employerPage, fail, 'employer accepts the agreement'))) return;
      for (const [party, signer] of [['participant', who], ['authority', 'Pekka Virkailija']]) {
        await coach.selectOption('select[name=party]', party);
        await coach.fill('input[name=signer_name]', signer);
        await send(coach, `form[action="/placements/${trial}/agreement/paper"]`);
        await check(coach, 'coach');
        if (!(await saved(coach, fail, `${party} accepts on paper`))) return;
      }

      // 4. The trial starts.
      if (!(await move(coach, BASE, check, fail, trial, 'active', today))) return;

      // 5. The mentor logs a check-in and gives feedback on the tasks.
      await mentorPage.goto(`${BASE}/mentoring`);
      await check(mentorPage, 'mentor');
      if (!(await mentorPage.locator(`main a[href="/mentoring/${trial}"]`).count())) fail('mentor', 'the trial is not among "my trialists"');
      await mentorPage.goto(`${BASE}/mentoring/${trial}`);
      await check(mentorPage, 'mentor');
      await mentorPage.fill('input[name=on]', today);
      await mentorPage.fill('input[name=minutes]', '45');
      await mentorPage.fill('textarea#note', 'Perehdytys varaston kierrolla, sujui hyvin.');
      await send(mentorPage, `form[action="/mentoring/${trial}/checkins"]`);
      await check(mentorPage, 'mentor');
      if (!(await saved(mentorPage, fail, 'mentor check-in'))) return;
      if (!(await mentorPage.locator('section[aria-labelledby=checkins-title] table').first().innerText()).includes('Perehdytys')) fail('mentor', 'the check-in is not listed');
      const feedbackForms = await mentorPage.locator(`form[action="/mentoring/${trial}/feedback"]`).count();
      for (let i = 0; i < feedbackForms; i++) {
        const form = mentorPage.locator(`form[action="/mentoring/${trial}/feedback"]`).nth(i);
        await form.locator('input[name=level][value=independent]').check();
        await Promise.all([mentorPage.waitForLoadState('load'), form.locator('button[type=submit]').click()]);
        await check(mentorPage, 'mentor');
        if (!(await saved(mentorPage, fail, 'mentor task feedback'))) return;
      }

      // 6. The coach accepts the evidence from this trial.
      const employerName = (await coach.goto(`${BASE}/placements/${trial}`), (await coach.locator('h1').innerText()).split(': ').slice(1).join(': ').trim());
      await coach.goto(`${BASE}/participants/${participant}/mentoring`);
      await check(coach, 'coach');
      const ours = coach.locator('main li.card').filter({ hasText: employerName });
      const open = await ours.count();
      if (!open) { fail('evidence', `the mentor's feedback offered no evidence from ${employerName}`); return; }
      await Promise.all([coach.waitForLoadState('load'), ours.first().locator('button[name=decision][value=accept]').click()]);
      await check(coach, 'coach');
      if (!(await saved(coach, fail, 'coach accepts evidence'))) return;
      if ((await coach.locator('main li.card').filter({ hasText: employerName }).count()) !== open - 1) fail('evidence', 'the accepted evidence is still open');

      // 7. The trial ends, completed.
      if (!(await move(coach, BASE, check, fail, trial, 'completed', today))) return;
      const state = (await coach.locator('#state').innerText()).trim();
      if (!['Päättynyt', 'Avslutat', 'Completed'].includes(state)) fail('trial end', `the state reads "${state}"`);

      // 8. Hired: a job that started a month ago comes due for its first follow-up on the
      //    coach's home page.
      const job = await propose(coach, BASE, check, participant, employer, { kind: 'job', start: monthAgo(), end: '' });
      if (!job) { fail('job', 'the job could not be proposed'); return; }
      if (!(await answerYes(employerPage, BASE, check, fail, job))) return;
      if (!(await move(coach, BASE, check, fail, job, 'active', monthAgo()))) return;
      await coach.goto(`${BASE}/`);
      await check(coach, 'coach');
      const due = await coach.locator('#follow-ups-overdue li, #follow-ups-week li').allInnerTexts();
      if (!due.some((t) => t.includes(who) && t.includes(employerName))) fail('follow-up', `no follow-up for ${who} at ${employerName} on the coach's home page`);
    },
  },
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
      // XSS canaries (R21): stored, shown back escaped; a dialog or CSP report fails the run.
      const summary = `Käynti ${Date.now()}: varasto <script>alert(1)</script><img src=x onerror=alert(2)> ja pakkaus`;
      await page.check('input[name=kind][value=visit]');
      await page.fill('input[name=date]', today);
      await page.fill('textarea[name=summary]', summary);
      await page.fill('input[name=need_1]', 'Pakkaustyö aamuvuoroon "\'><svg onload=alert(3)>');
      await page.check('input[name=need_1_hidden]');
      await send(page, `form[action="${href}/interactions"]`);
      await audit(page, 'coordinator');
      if (!(await page.content()).includes('Pakkaustyö aamuvuoroon')) fail('employer visit', 'the need heard is not listed after saving');
      if (!(await page.locator('main').innerText()).includes('<svg onload=alert(3)>')) fail('employer visit', 'the need text was not shown back as text');
      await page.goto(`${BASE}${href}`);
      await audit(page, 'coordinator');
    },
  },
  'see the participants shared with me': {
    role: 'employer',
    async run(page, { BASE, audit, fail }) {
      await page.goto(`${BASE}/shared`);
      await audit(page, 'employer');
      const cards = await page.locator('main section.card').count();
      if (!cards) fail('shared with me', 'the demo employer sees no shared participant');
      // The demo's participants consented to different field groups: functioning shows only
      // for those who consented to it, so never on every card.
      const texts = await page.locator('main section.card').allInnerTexts();
      const withFunctioning = texts.filter((t) => /Toimintakyky/.test(t)).length;
      if (withFunctioning === texts.length) fail('shared with me', 'functioning shown on every card, whatever the consent');
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
  'IPS fidelity profile': {
    role: 'manager',
    async run(page, { BASE, audit, fail }) {
      await page.goto(`${BASE}/reports`);
      const link = page.locator('main a[href$="/fidelity"]').first();
      if (!(await link.count())) fail('IPS fidelity', 'no link from the overview');
      await link.click();
      await audit(page, 'IPS fidelity');
      if ((await page.locator('tr[id^=item-]').count()) !== 25) fail('IPS fidelity', 'not 25 items');
      await page.selectOption('#item', '8');
      await page.selectOption('#score', '4');
      await page.fill('#note', 'Viikoittainen läpikäynti');
      await page.click('main form[method=post] button[type=submit]');
      if (!(await page.locator('[role=status].notice-success').count())) fail('IPS fidelity', 'no confirmation after saving');
    },
  },
  'record competence shown in a work trial': {
    role: 'mentor',
    noJs: true,
    async run(page, { BASE, audit, fail }) {
      // Opinnollistaminen: the demo trial's tasks are mapped to requirement items of
      // "Yrityksessä toimiminen"; the mentor records one more item as shown.
      await page.goto(`${BASE}/mentoring`);
      await audit(page, 'mentor');
      const trial = page.locator('main a[href^="/mentoring/"]').first();
      if (!(await trial.count())) { fail('competence shown', 'the demo mentor has no trialist'); return; }
      await trial.click();
      const link = page.locator('main a[href$="/qualifications"]').first();
      if (!(await link.count())) { fail('competence shown', 'no link to the competence page'); return; }
      await link.click();
      await audit(page, 'competence shown');
      if (!(await page.locator('main table tbody tr').count())) fail('competence shown', 'the demo evidence is not listed');
      const rows = await page.locator('main table tbody tr').count();
      // An empty form first: errors in the user's language, nothing stored.
      await page.click('main form[method=post] button[type=submit]');
      if (!(await page.locator('.error-summary').count())) fail('competence shown', 'no error summary for an empty form');
      await audit(page, 'competence shown');
      const requirement = await page.$eval('select[name=requirement] option:nth-child(2)', (o) => o.value).catch(() => '');
      const task = await page.$eval('select[name=task] option:nth-child(2)', (o) => o.value).catch(() => '');
      if (!requirement || !task) { fail('competence shown', 'no requirement item or task to choose'); return; }
      await page.selectOption('select[name=requirement]', requirement);
      await page.selectOption('select[name=task]', task);
      const today = new Date().toLocaleDateString('sv-SE', { timeZone: 'Europe/Helsinki' });
      await page.fill('input[name=shown_on]', today);
      await page.check('input[name=assessment][value=shown]');
      await page.fill('textarea[name=note]', 'Palveli asiakasta itsenäisesti');
      await page.click('main form[method=post] button[type=submit]');
      if (!(await page.locator('[role=status].notice-success').count())) fail('competence shown', 'no confirmation after saving');
      if ((await page.locator('main table tbody tr').count()) !== rows + 1) fail('competence shown', 'the new evidence is not listed');
      await audit(page, 'competence shown');
    },
  },
  'record a referral on the participant path': {
    role: 'coach',
    noJs: true,
    async run(page, { BASE, audit, fail }) {
      // Incoming school referrals of the coach's projects (the demo has none pending).
      await page.goto(`${BASE}/referrals`);
      await audit(page, 'referrals');
      const [id] = await caseload(page, BASE);
      if (!id) { fail('referral', 'the demo coach has no participants'); return; }
      await page.goto(`${BASE}/participants/${id}/referrals`);
      await audit(page, 'referrals tab');
      const form = `form[action="/participants/${id}/referrals"]`;
      const rows = await page.locator('main table tbody tr').count();
      // An empty reason: errors in the user's language, nothing stored.
      await page.fill(`${form} input[name=organisation]`, '');
      await send(page, form);
      if (!(await page.locator('.error-summary').count())) fail('referral', 'no error summary for an empty form');
      await audit(page, 'referrals tab');
      const way = await page.$eval(`${form} select[name=way] option:last-child`, (o) => o.value).catch(() => '');
      if (!way) { fail('referral', 'no kind of referral to choose'); return; }
      await page.selectOption(`${form} select[name=way]`, way);
      await page.fill(`${form} input[name=organisation]`, 'Koulutuskeskus Salpaus');
      await page.fill(`${form} input[name=referred_on]`, today);
      await page.fill(`${form} textarea[name=reason]`, 'Valmentava koulutus ennen työkokeilua');
      await send(page, form);
      if (!(await saved(page, fail, 'referral'))) return;
      if ((await page.locator('main table tbody tr').count()) !== rows + 1) fail('referral', 'the new referral is not listed on the path');
      await audit(page, 'referrals tab');
    },
  },
  'a school refers a student, attaches a document and withdraws the referral': {
    role: 'institution',
    noJs: true,
    async run(page, { BASE, audit, fail, personal }) {
      await page.goto(`${BASE}/referrals`);
      await audit(page, 'school referrals');
      await page.goto(`${BASE}/referrals/new`);
      await audit(page, 'refer a student');
      const form = 'form[action="/referrals/new"]';
      // Without the student's consent nothing is sent: errors in the user's language.
      await send(page, form);
      if (!(await page.locator('.error-summary').count())) fail('refer', 'no error summary for an empty form');
      await audit(page, 'refer a student');
      const project = await page.$eval(`${form} select[name=project] option[value]:not([value=""])`, (o) => o.value).catch(() => '');
      if (!project) { fail('refer', 'no project to refer to'); return; }
      await page.selectOption(`${form} select[name=project]`, project);
      await page.fill(`${form} input[name=organisation]`, 'Koulutuskeskus Salpaus');
      await page.fill(`${form} textarea[name=reason]`, 'Valmistuu keväällä, etsii työtä');
      personal(`Testaaja-${CANARY_MARK}`, `Iida Testaaja-${CANARY_MARK}`);
      await page.fill(`${form} input[name=given_name]`, 'Iida');
      await page.fill(`${form} input[name=family_name]`, `Testaaja-${CANARY_MARK}`);
      await page.fill(`${form} input[name=home]`, 'Lahti');
      await page.check(`${form} input[name=consent-contact]`);
      await page.check(`${form} input[name=consent-documents]`);
      await page.check(`${form} input[name=method][value=written]`);
      await send(page, form);
      if (!(await saved(page, fail, 'refer'))) return;
      await audit(page, 'referral');
      const path = new URL(page.url()).pathname;
      // A document: a PNG, checked from its content.
      const png = Buffer.from('89504e470d0a1a0a0000000d49484452000000010000000108020000009077 53de'.replace(/ /g, ''), 'hex');
      const attach = `form[action="${path}/documents"]`;
      await page.fill(`${attach} input[name=title]`, 'Todistus');
      await page.setInputFiles(`${attach} input[name=file]`, { name: 'todistus.png', mimeType: 'image/png', buffer: png });
      await send(page, attach);
      if (!(await saved(page, fail, 'attach'))) return;
      if (!(await page.locator('main a[download][href*="/documents/"]').count())) fail('attach', 'the document is not listed');
      await audit(page, 'referral');
      // Withdraw: a confirmation page first.
      await page.goto(`${BASE}${path}/withdraw`);
      await audit(page, 'withdraw referral');
      await send(page, `form[action="${path}/withdraw"]`);
      if (!(await saved(page, fail, 'withdraw'))) return;
      await audit(page, 'referral');
      if (await page.locator(`a[href="${path}/withdraw"]`).count()) fail('withdraw', 'still offered after withdrawing');
    },
  },
  'record an incoming referral of a new person': {
    role: 'coach',
    noJs: true,
    async run(page, { BASE, audit, fail, personal }) {
      await page.goto(`${BASE}/referrals/intake`);
      await audit(page, 'incoming referral');
      const form = 'form[action="/referrals/intake"]';
      await send(page, form);
      if (!(await page.locator('.error-summary').count())) fail('intake', 'no error summary for an empty form');
      await audit(page, 'incoming referral');
      const project = await page.$eval(`${form} select[name=project] option[value]:not([value=""])`, (o) => o.value).catch(() => '');
      if (!project) { fail('intake', 'no project'); return; }
      await page.selectOption(`${form} select[name=project]`, project);
      await page.selectOption(`${form} select[name=source]`, 'ohjaamo');
      await page.fill(`${form} input[name=organisation]`, 'Ohjaamo Lahti');
      await page.fill(`${form} input[name=referred_on]`, today);
      await page.fill(`${form} textarea[name=reason]`, 'Etsii työkokeilupaikkaa');
      personal(`Tulija-${CANARY_MARK}`, `Eetu Tulija-${CANARY_MARK}`);
      await page.fill(`${form} input[name=given_name]`, 'Eetu');
      await page.fill(`${form} input[name=family_name]`, `Tulija-${CANARY_MARK}`);
      await page.fill(`${form} input[name=home]`, 'Lahti');
      await page.check(`${form} input[name=consent-contact]`);
      await page.check(`${form} input[name=method][value=in_meeting]`);
      await send(page, form);
      if (!(await saved(page, fail, 'intake'))) return;
      await audit(page, 'referral');
      await page.goto(`${BASE}/referrals`);
      await audit(page, 'referrals');
      if (!(await page.locator('main td', { hasText: 'Ohjaamo Lahti' }).count())) fail('intake', 'not in the incoming list');
    },
  },
  'map an employer task to vocational skill requirements': {
    role: 'coordinator',
    noJs: true,
    async run(page, { BASE, audit, fail }) {
      // Opinnollistaminen: the units as reference data, then the demo employer's task mapping.
      await page.goto(`${BASE}/qualifications`);
      await audit(page, 'qualification units');
      if (!(await page.locator('main section.card').count())) { fail('qualification units', 'the demo units are not listed'); return; }
      await page.fill('input[name=q]', 'ei-mitaan-tallaista');
      await send(page, 'main form[role=search]');
      if (await page.locator('main section.card').count()) fail('qualification units', 'a search for nothing found units');
      await page.goto(`${BASE}/employers`);
      const employer = page.locator('main a[href^="/employers/"]:not([href$="/new"])').first();
      if (!(await employer.count())) { fail('task mapping', 'the demo coordinator has no employers'); return; }
      await employer.click();
      const tab = page.locator('main a[href$="/qualifications"]').first();
      if (!(await tab.count())) { fail('task mapping', 'no skill requirements tab'); return; }
      await tab.click();
      await audit(page, 'task mapping');
      const choose = 'main form[method=get]';
      if (!(await page.locator(choose).count())) { fail('task mapping', 'no form to choose a task and a unit'); return; }
      const task = await page.$eval(`${choose} select[name=task] option:nth-child(2)`, (o) => o.value).catch(() => '');
      const unit = await page.$eval(`${choose} select[name=unit] option:nth-child(2)`, (o) => o.value).catch(() => '');
      if (!task || !unit) { fail('task mapping', 'no task or unit to choose'); return; }
      await page.selectOption(`${choose} select[name=task]`, task);
      await page.selectOption(`${choose} select[name=unit]`, unit);
      await send(page, choose);
      await audit(page, 'task mapping');
      const ticks = 'main form[method=post][action$="/qualifications"]';
      const box = page.locator(`${ticks} input[name=requirement]`).first();
      if (!(await box.count())) { fail('task mapping', 'the unit has no requirement items to tick'); return; }
      await box.check();
      await send(page, ticks);
      if (!(await saved(page, fail, 'task mapping'))) return;
      if (!(await page.locator('main form[action$="/qualifications/remove"]').count())) fail('task mapping', 'the mapped item is not listed');
      await audit(page, 'task mapping');
    },
  },
};
