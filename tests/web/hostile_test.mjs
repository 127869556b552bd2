// The hostile-input suite in the page (issue 13): each tests/hostile/NAME.go runs through
// window.gopark in Debian's headless chromium, with its flags as the page's settings, and must
// end as its header says (tests/hostile/run.sh explains the headers), while the page keeps
// drawing; a hello world run after it must then work. `for {}` (exit: killed) is stopped with
// gopark.stop() after a second. hostile_test.sh serves the build and runs this.
//   node hostile_test.mjs URL HOSTILE_DIR [FILTER_REGEX]
// The page's own headers, beside the CLI's:
//   // page: skip WHY            not run in the page
//   // page-stderr: TEXT         replaces the `stderr:` lines in the page (its limits differ: the
//   // page-stdout: TEXT         stack limit is 250 MB on wasm32, threads mode has its own cap)
//   // page-known: WHY           a reported engine bug seen in the page only (else `known:` counts)
// The page shows stdout and stderr as one transcript: `stderr:` lines are looked for in
// gopark.output(), `stdout:` lines in gopark.stdout(). Compile errors name the program prog.go
// there, so NAME.go in an expected line is read as prog.go, and the stack limit is 250 MB. The transcript is capped (the oldest
// output is dropped, with a notice): where it was cut, `stdout-lines:` checks the notice and the
// last line instead of the count.
// Each case prints "ok - ..." or "not ok - ...: why" ("# TODO known" for a `known:` case, not
// counted); the exit status is the number of failures.
import fs from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const { chromium } = createRequire(path.join(root, 'web', 'package.json'))('playwright-core');

const [url, hostileDir, filter] = process.argv.slice(2);
const DROPPED = '[earlier output dropped]';
const STALL_MS = 3000;  // the longest the page may go without drawing a frame during a run

// The header: `// key: value` lines before the package clause, as run.sh reads them.
function parseCase(file) {
  const text = fs.readFileSync(file, 'utf8');
  const at = text.indexOf('\npackage ');
  const head = text.slice(0, at), values = {};
  for (const line of head.split('\n')) {
    const m = /^\/\/ ([a-z-]+): (.*)$/.exec(line);
    if (m) (values[m[1]] = values[m[1]] || []).push(m[2]);
  }
  let body = text.slice(at);
  for (const e of values.expand || []) {
    const [word, piece, count] = e.split(' ');
    body = body.split(word).join(piece.repeat(Number(count)));
  }
  const one = (k) => (values[k] || [])[0];
  return {
    source: head + body,
    what: one('hostile') || '',
    flags: (one('flags') || '').split(/\s+/).filter((f) => f !== ''),
    exit: one('exit') || '0',
    stdout: values['page-stdout'] || values.stdout || [],
    stderr: values['page-stderr'] || values.stderr || [],
    lines: one('stdout-lines'),
    within: Number((one('within') || '60s').replace(/s$/, '')),
    skip: (one('page') || '').startsWith('skip') ? one('page') : null,
    known: one('page-known') || one('known'),
  };
}

// CLI flags to the page's settings (the same names: engine/run/settings.hpp).
function settingsFor(flags) {
  const s = {};
  for (let i = 0; i + 1 < flags.length; i += 2) s[flags[i].replace(/^--/, '')] = flags[i + 1];
  return s;
}

// The first of `wants` that does not occur in `text` after the previous one, or null.
function missingInOrder(text, wants) {
  let at = 0;
  for (const want of wants) {
    const found = text.indexOf(want, at);
    if (found < 0) return want;
    at = found + want.length;
  }
  return null;
}

const userDataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'gopark-chromium-'));
const browser = await chromium.launchPersistentContext(userDataDir, {
  executablePath: '/usr/bin/chromium',
  headless: true,
  args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
         '--disable-component-update', '--disable-sync', '--use-angle=swiftshader'],
  viewport: { width: 1280, height: 800 },
});
const logs = [];
async function open() {
  const page = await browser.newPage();
  page.on('console', (m) => logs.push(`[${m.type()}] ${m.text()}`));
  page.on('pageerror', (e) => logs.push(`[pageerror] ${e.message}`));
  page.on('crash', () => logs.push('[crash] the tab crashed'));
  await page.goto(url, { waitUntil: 'load', timeout: 60000 });
  await page.waitForFunction(() => window.gopark && window.gopark.isolated !== undefined, null, { timeout: 60000 });
  await page.evaluate(() => window.gopark.ready);
  await page.waitForFunction(() => window.gopark.frames() > 2, null, { timeout: 60000 });
  return page;
}

let page = await open();
// page.evaluate with a deadline: a page whose engine hangs or died must fail its case, not the suite.
function answerWithin(ms, promise) {
  let timer;
  const late = new Promise((resolve, reject) => {
    timer = setTimeout(() => reject(new Error(`the page did not answer within ${ms / 1000} s`)), ms);
  });
  return Promise.race([promise, late]).finally(() => clearTimeout(timer));
}
const ask = (fn, arg, ms = 10000) => answerWithin(ms, page.evaluate(fn, arg));
const defaults = await ask(() => gopark.settings());
const HELLO = 'package main\n\nimport "fmt"\n\nfunc main() {\n\tfmt.Println("hello, world")\n}\n';

// Runs one case; returns the list of what went wrong (empty: it passed). A page that stops
// answering ends the case, with what was seen so far.
async function runCase(name, c) {
  const problems = [], result = { problems, note: 'the page stopped answering' };
  try {
    result.note = await runSteps(name, c, problems);
  } catch (e) {
    problems.push(String(e && e.message || e).split('\n')[0]);
  }
  return result;
}

async function runSteps(name, c, problems) {
  const settings = { ...defaults, ...settingsFor(c.flags) };
  await ask(([source, s]) => { gopark.load(source); gopark.setSettings(s); gopark.run(); }, [c.source, settings], 60000);
  // Poll from node: a page whose main thread is stuck answers late, and that shows as a stall.
  const start = Date.now();
  let lastFrames = -1, lastAdvance = Date.now(), stall = 0, running = true;
  const limit = c.exit === 'killed' ? 1000 : c.within * 1000;
  while (running && Date.now() - start < limit) {
    await new Promise((resolve) => setTimeout(resolve, 100));
    const [r, frames] = await ask(() => [gopark.running(), gopark.frames()]);
    const now = Date.now();
    if (frames !== lastFrames) {
      stall = Math.max(stall, now - lastAdvance);
      lastFrames = frames;
      lastAdvance = now;
    }
    running = r;
  }
  stall = Math.max(stall, Date.now() - lastAdvance);
  const took = Date.now() - start;
  if (stall > STALL_MS) problems.push(`the page drew no frame for ${stall} ms during the run`);
  if (c.exit === 'killed') {
    if (!running) problems.push('it ended by itself within a second');
    const code = await ask(async () => { gopark.stop(); return await gopark.done(); });
    if (running && code !== -1) problems.push(`exit status ${code} after stop, want -1`);
  } else if (running) {
    problems.push(`still running after ${c.within} s (hung?)`);
    await ask(async () => { gopark.stop(); await gopark.done(); });
  } else {
    const code = await ask(() => gopark.done());
    if (String(code) !== c.exit) problems.push(`exit status ${code}, want ${c.exit}`);
  }
  const [output, stdout] = await ask(() => [gopark.output(), gopark.stdout()]);
  // The page's names and limits: its program is prog.go, and a goroutine's stack is capped at
  // 250 MB on wasm32 (Go's 1 GB natively).
  const local = (s) => s.split(name + '.go:').join('prog.go:').split('1000000000-byte limit').join('250000000-byte limit');
  const cut = output.includes(DROPPED);
  let missing = missingInOrder(stdout, c.stdout.map(local));
  if (missing !== null) problems.push(`stdout lacks (in order) ${JSON.stringify(missing)}`);
  missing = missingInOrder(output, c.stderr.map(local));
  if (missing !== null) problems.push(`the output lacks (in order) ${JSON.stringify(missing)}`);
  if (c.lines !== undefined && !cut) {
    const have = stdout.split('\n').length - 1;
    if (have !== Number(c.lines)) problems.push(`stdout has ${have} lines, want ${c.lines}`);
  }
  if (problems.length) problems.push('output begins ' + JSON.stringify(output.slice(0, 300)));
  // The page goes on drawing, and runs the next program as usual.
  const f0 = await ask(() => gopark.frames());
  await page.waitForFunction((target) => gopark.frames() >= target, f0 + 3, { timeout: 10000 })
    .catch(() => problems.push('the page stopped drawing after the run'));
  const after = await ask(async ([source, s]) => {
    gopark.setSettings(s);
    gopark.load(source);
    gopark.run();
    return { code: await gopark.done(), out: gopark.stdout() };
  }, [HELLO, defaults], 30000);
  if (after.code !== 0 || after.out !== 'hello, world\n') {
    problems.push('the next run (hello world) gave ' + JSON.stringify(after).slice(0, 200));
  }
  return `${took} ms${cut ? ', output cut by the cap' : ''}`;
}

let failures = 0, passed = 0, known = 0;
const names = fs.readdirSync(hostileDir).filter((f) => f.endsWith('.go')).map((f) => f.slice(0, -3)).sort()
  .filter((n) => !filter || new RegExp(filter).test(n));
for (const name of names) {
  const c = parseCase(path.join(hostileDir, name + '.go'));
  if (c.skip) {
    console.log(`ok - ${name} # SKIP ${c.skip.replace(/^skip\s*/, '')}`);
    continue;
  }
  let result;
  try {
    result = await runCase(name, c);
  } catch (e) {
    result = { problems: [String(e && e.message || e).split('\n')[0]], note: 'the page failed' };
  }
  if (result.problems.length === 0) {
    passed++;
    console.log(`ok - ${name} (${result.note}): ${c.what}`);
    continue;
  }
  if (c.known) {
    known++;
    console.log(`not ok - ${name} (${result.note}) # TODO known: ${c.known}`);
    console.log(`#   ${result.problems.join(' | ').slice(0, 400)}`);
  } else {
    failures++;
    console.log(`not ok - ${name} (${result.note}): ${result.problems.join(' | ')}`);
  }
  // A page that stopped working (the engine aborted, the tab crashed) is replaced, so that the
  // cases after this one are still tried.
  const alive = await ask(async () => {
    try { gopark.setSettings({}); return !gopark.running(); } catch (e) { return false; }
  }).catch(() => false);
  if (!alive) {
    console.log('# the page stopped working; opening a fresh one. Its last messages:');
    console.log(logs.slice(-10).map((l) => '#   ' + l).join('\n'));
    await answerWithin(10000, page.close()).catch(() => {});
    page = await open();
  }
}
await browser.close();
fs.rmSync(userDataDir, { recursive: true, force: true });
console.log(`hostile in the page: ${passed} passed, ${failures} failed, ${known} known`);
process.exit(failures);
