// VS Code for real: code-server with the packaged extension, driven by
// playwright-core in Debian's Chromium, headless. scripts/test-editors starts
// code-server on a workspace holding tests/fixtures/editors/*.minutes (and a
// real corpus file when MINUTES_CORPUS is set) and runs this.
//
// Checks, as a user sees them: the Problems panel lists the findings; Go to
// Symbol lists the agenda items and Ann James's action; typing `(Action – `
// opens completion with the meeting's people and roles first; the "Mark as
// action" quick fix applies and leaves the cursor in the owner slot with
// completion open; an edit updates the diagnostics; "Minutes: Show actions"
// lists the register. Screenshots go to $SHOTS.
//
//   CS_URL=http://127.0.0.1:PORT WS=/path/ws FILE=county-council.minutes SHOTS=dir \
//     NODE_PATH=.editors/playwright/node_modules node tests/editors/vscode.js
'use strict';
const { chromium } = require('playwright-core');
const fs = require('fs');

const URL_ = process.env.CS_URL;
const WS = process.env.WS;
const FILE = process.env.FILE || 'county-council.minutes';
const CORPUS_FILE = process.env.CORPUS_FILE || '';
const SHOTS = process.env.SHOTS;
fs.mkdirSync(SHOTS, { recursive: true });

const t0 = Date.now();
const lap = (m) => console.log(`  [${((Date.now() - t0) / 1000).toFixed(1)}s] ${m}`);
const checks = [];
function check(name, ok, detail) {
  checks.push({ name, ok: !!ok });
  console.log(`  ${ok ? 'ok  ' : 'FAIL'} ${name}${ok ? '' : `: ${JSON.stringify(detail)}`}`);
}
const squash = (s) => s.replace(/\s+/g, ' ').trim();

async function openFile(page, name) {
  await page.keyboard.press('Control+P');
  await page.waitForSelector('.quick-input-widget .quick-input-box input', { timeout: 10000 });
  await page.keyboard.type(name);
  await page.waitForSelector('.quick-input-list .monaco-list-row', { timeout: 10000 });
  await page.waitForTimeout(300);
  await page.keyboard.press('Enter');
  await page.waitForFunction((n) => document.querySelector('.tab.active')?.getAttribute('aria-label')?.includes(n), name, { timeout: 15000 });
  await page.waitForSelector('.monaco-editor .view-lines', { timeout: 15000 });
}

// the editor's text, read through the model rather than the DOM (which
// only renders visible lines)
async function editorText(page) {
  await page.keyboard.press('Control+A');
  await page.keyboard.press('Control+C');
  await page.keyboard.press('Escape');
  return page.evaluate(() => navigator.clipboard.readText());
}

async function problems(page) {
  await page.keyboard.press('Control+Shift+M');
  await page.waitForSelector('.markers-panel .monaco-list-row', { timeout: 20000 });
  await page.waitForTimeout(500);
  return (await page.locator('.markers-panel .monaco-list-row').allInnerTexts()).map(squash);
}

async function gotoLine(page, line, column) {
  await page.keyboard.press('Control+G');
  await page.waitForSelector('.quick-input-widget .quick-input-box input', { timeout: 10000 });
  await page.keyboard.type(`${line}:${column}`);
  await page.keyboard.press('Enter');
  await page.waitForTimeout(200);
}

async function findLine(page, needle) {
  const text = await editorText(page);
  const lines = text.split('\n');
  const i = lines.findIndex((l) => l.includes(needle));
  return { line: i + 1, column: i >= 0 ? lines[i].indexOf(needle) + 1 : 1, text };
}

async function suggestions(page) {
  await page.waitForSelector('.suggest-widget.visible .monaco-list-row', { timeout: 15000 });
  await page.waitForTimeout(400);
  const rows = await page.locator('.suggest-widget.visible .monaco-list-row').evaluateAll((els) =>
    els.map((e) => ({ top: parseFloat(e.style.top || '0'), label: e.getAttribute('aria-label') || e.innerText })));
  rows.sort((a, b) => a.top - b.top);
  return rows.map((r) => squash(r.label));
}

(async () => {
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM || '/usr/bin/chromium', headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
      '--disable-component-update', '--disable-sync', '--disable-dev-shm-usage'],
  });
  const context = await browser.newContext({ viewport: { width: 1100, height: 680 } });
  await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: URL_ });
  const page = await context.newPage();
  try {
    await page.goto(`${URL_}/?folder=${encodeURIComponent(WS)}`);
    await page.waitForSelector('.monaco-workbench', { timeout: 60000 });
    lap('workbench loaded');
    await page.waitForSelector('.explorer-folders-view .monaco-list-row', { timeout: 30000 });
    await openFile(page, FILE);
    lap(`${FILE} open`);

    // 1. diagnostics in the Problems panel
    await page.waitForFunction(() => /Errors: [1-9]/.test(document.querySelector('#status\\.problems')?.getAttribute('aria-label') || ''), null, { timeout: 30000 });
    const rows = await problems(page);
    lap(`problems: ${rows.length} rows`);
    await page.screenshot({ path: `${SHOTS}/vscode-problems.png` });
    const has = (re) => rows.some((r) => re.test(r));
    check('Problems panel: the action with no owner (M101)', has(/names no owner.*M101/), rows);
    check('Problems panel: the commitment with no owner (M103)', has(/commitment with no owner: “It was agreed that a briefing.*M103/), rows);
    await page.keyboard.press('Control+Shift+M'); // close the panel again

    // 2. Go to Symbol in Editor
    await page.locator('.monaco-editor .view-lines').first().click();
    await page.keyboard.press('Control+Shift+O');
    await page.waitForSelector('.quick-input-list .monaco-list-row', { timeout: 15000 });
    await page.waitForTimeout(500);
    const syms = (await page.locator('.quick-input-list .monaco-list-row').allInnerTexts()).map(squash);
    lap(`symbols: ${syms.length}`);
    await page.screenshot({ path: `${SHOTS}/vscode-symbols.png` });
    await page.keyboard.press('Escape');
    check('Go to Symbol: the agenda items', ['1. Declarations of Interest', '2. Public Health Annual Report', '3. Adult Social Care Commissioning'].every((t) => syms.some((s) => s.includes(t))), syms);
    check("Go to Symbol: Ann James's action", syms.some((s) => /Ann James: Members asked for the smoking/.test(s)), syms);

    // 3. completion in the owner slot
    const original = await editorText(page);
    const end = original.split('\n').length;
    await gotoLine(page, end, 1);
    await page.keyboard.press('End');
    await page.keyboard.type('\nThe DPH will report back on the pilot. (Action – ', { delay: 15 });
    const labels = await suggestions(page);
    lap(`completion: ${labels.slice(0, 6).join(' | ')}`);
    await page.screenshot({ path: `${SHOTS}/vscode-completion.png` });
    // the people, roles and abbreviations the meeting names
    const meeting = ['Ann James', 'DPH', 'Democratic Services Officer', 'Kevin Marsh', 'Head of Commissioning', 'Director of Public Health',
      'Chair', 'Vice-Chair', 'Cllr M. Hughes', 'Cllr P. Darby', 'Cllr S. Lowe', 'Cllr T. Grant', 'Cllr R. Evans'];
    check("completion: the meeting's people and roles first",
      labels.length >= 4 && labels.slice(0, 4).every((l) => meeting.some((m) => l.startsWith(m))) &&
      labels.slice(0, 4).some((l) => l.startsWith('DPH')), labels.slice(0, 8));
    check('completion: no catalogue-only names (BBC, TV)', !labels.some((l) => /^(BBC|TV|OK)\b/.test(l)), labels);
    await page.keyboard.press('Escape');

    // 4. an edit updates the diagnostics: the unfinished marker is a new M101
    const before = await page.locator('#status\\.problems').getAttribute('aria-label');
    await page.keyboard.type('DPH)');
    await page.waitForFunction((prev) => (document.querySelector('#status\\.problems')?.getAttribute('aria-label') || '') !== prev, before, { timeout: 15000 }).catch(() => {});
    const after = await page.locator('#status\\.problems').getAttribute('aria-label');
    lap(`after edits: ${before} → ${after}`);
    check('an edit updates the diagnostics', after !== before, { before, after });
    await page.keyboard.press('Control+Z');
    await page.keyboard.press('Control+Z');

    // 5. the "Mark as action" quick fix
    const at = await findLine(page, 'It was agreed that a briefing');
    await gotoLine(page, at.line, at.column + 3);
    await page.waitForTimeout(500);
    await page.keyboard.press('Control+.');
    await page.waitForSelector('.action-widget .monaco-list-row', { timeout: 15000 });
    await page.waitForTimeout(300);
    const fixes = (await page.locator('.action-widget .monaco-list-row').allInnerTexts()).map(squash);
    lap(`quick fixes: ${fixes.join(' | ')}`);
    await page.screenshot({ path: `${SHOTS}/vscode-quick-fix.png` });
    // choose it from the keyboard, as a user would: move to it, Enter
    for (let i = 0; i < 8; i++) {
      const focused = await page.locator('.action-widget .monaco-list-row.focused').getAttribute('aria-label').catch(() => '');
      if (focused === 'Mark as action') break;
      await page.keyboard.press('ArrowDown');
    }
    await page.keyboard.press('Enter');
    const opened = await page.waitForSelector('.suggest-widget.visible .monaco-list-row', { timeout: 10000 }).then(() => true, () => false);
    await page.screenshot({ path: `${SHOTS}/vscode-mark-as-action.png` });
    await page.keyboard.press('Escape');
    const marked = await editorText(page);
    check('"Mark as action" inserts the marker', /in due course\. \(Action – \)/.test(marked) || /in due course \(Action – \)/.test(marked), marked.split('\n').filter((l) => l.includes('Action')));
    check('"Mark as action" opens owner completion in the slot', opened);

    // 6. Minutes: Show actions
    await page.keyboard.press('Control+Shift+P');
    await page.waitForSelector('.quick-input-widget .quick-input-box input', { timeout: 10000 });
    await page.keyboard.type('Minutes: Show actions');
    await page.waitForTimeout(500);
    await page.keyboard.press('Enter');
    await page.waitForFunction(() => /actions/.test(document.querySelector('.quick-input-widget .quick-input-title')?.textContent || ''), null, { timeout: 15000 });
    await page.waitForTimeout(400);
    const register = (await page.locator('.quick-input-list .monaco-list-row').allInnerTexts()).map(squash);
    await page.screenshot({ path: `${SHOTS}/vscode-show-actions.png` });
    await page.keyboard.press('Escape');
    check('"Minutes: Show actions" lists the register', register.some((r) => r.startsWith('Ann James')) && register.some((r) => r.includes('(no owner)')), register);

    // 7. a real corpus file, when given
    if (CORPUS_FILE) {
      await openFile(page, CORPUS_FILE);
      await page.locator('.monaco-editor .view-lines').first().click();
      await page.keyboard.press('Control+Shift+O');
      await page.waitForSelector('.quick-input-list .monaco-list-row', { timeout: 15000 });
      const cs = (await page.locator('.quick-input-list .monaco-list-row').allInnerTexts()).map(squash);
      await page.keyboard.press('Escape');
      const cp = await problems(page);
      await page.screenshot({ path: `${SHOTS}/vscode-corpus.png` });
      lap(`corpus ${CORPUS_FILE}: ${cs.length} symbols, ${cp.length} problem rows`);
      check(`corpus file ${CORPUS_FILE}: outline and findings`, cs.length > 3 && cp.length > 0, { symbols: cs.slice(0, 5), problems: cp.slice(0, 5) });
    }
  } catch (e) {
    check('the session ran', false, e.message);
    await page.screenshot({ path: `${SHOTS}/vscode-error.png` }).catch(() => {});
  } finally {
    await browser.close();
  }
  const failed = checks.filter((c) => !c.ok).length;
  console.log(`vscode: ${checks.length - failed} passed, ${failed} failed`);
  process.exit(failed ? 1 : 0);
})();
