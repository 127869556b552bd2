// The web playground in Debian's headless chromium, driven by playwright-core (browser_test.sh
// starts the server and passes its URL). Each check prints "ok - ..." or "not ok - ...: why";
// the exit status is the number of failures.
//   node browser_test.mjs URL EXAMPLES_DIR EXPECTED_DIR SCREENSHOT.png PLAIN_URL
// (PLAIN_URL: the same files served without the isolation headers.)
import fs from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

// playwright-core lives in web/node_modules (web/package.json; cmake/deps.sh installs it).
const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const { chromium } = createRequire(path.join(root, 'web', 'package.json'))('playwright-core');

const [url, examplesDir, expectedDir, screenshot, plainUrl] = process.argv.slice(2);
let failures = 0;
async function check(name, body) {
  try {
    await body();
    console.log(`ok - ${name}`);
  } catch (e) {
    failures++;
    console.log(`not ok - ${name}: ${String(e && e.stack || e).split('\n').slice(0, 3).join(' | ')}`);
  }
}
function expect(cond, why) { if (!cond) throw new Error(why); }
// Waits until the page has drawn n more frames.
async function drawn(page, n) {
  const start = await page.evaluate(() => gopark.frames());
  await page.waitForFunction((target) => gopark.frames() >= target, start + n, { timeout: 30000 });
}
// Polls `get` until `want(value)` holds or `ms` pass; returns the last value. Key presses reach the
// editor only at the page's next frames, which SwiftShader draws slowly on a busy machine.
async function settle(get, want, ms = 5000) {
  const end = Date.now() + ms;
  for (;;) {
    const value = await get();
    if (want(value) || Date.now() > end) return value;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

const userDataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'gopark-chromium-'));
const browser = await chromium.launchPersistentContext(userDataDir, {
  executablePath: '/usr/bin/chromium',
  headless: true,
  // WebGL2 through SwiftShader (Playwright adds --enable-unsafe-swiftshader itself).
  args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
         '--disable-component-update', '--disable-sync', '--use-angle=swiftshader'],
  viewport: { width: 1280, height: 800 },
  acceptDownloads: true,
});
const logs = [];

async function open(hash = '') {
  const page = await browser.newPage();
  page.on('console', (m) => logs.push(`[${m.type()}] ${m.text()}`));
  page.on('pageerror', (e) => logs.push(`[pageerror] ${e.message}`));
  const t0 = Date.now();
  await page.goto(url + hash, { waitUntil: 'load', timeout: 60000 });
  await page.waitForFunction(() => window.gopark && window.gopark.isolated !== undefined, null, { timeout: 60000 });
  await page.evaluate(() => window.gopark.ready);
  await page.waitForFunction(() => window.gopark.frames() > 2, null, { timeout: 60000 });
  return { page, ms: Date.now() - t0 };
}

// A fresh page allowed to use the OS clipboard and brought to the front
// (navigator.clipboard.writeText, behind Ctrl+C and Share, needs the page focused); closed after.
async function withClipboardPage(body) {
  await browser.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: new URL(url).origin });
  const { page } = await open();
  try {
    await page.bringToFront();
    await body(page);
  } finally {
    await page.close();
  }
}

let main;
await check('the page is cross-origin isolated, loads the engine and draws frames', async () => {
  main = await open();
  const isolated = await main.page.evaluate(() => window.crossOriginIsolated);
  expect(isolated === true, 'crossOriginIsolated is ' + isolated);
  console.log(`# ready and drawing ${main.ms} ms after navigation`);
  const f0 = await main.page.evaluate(() => gopark.frames());
  await main.page.waitForTimeout(500);
  const f1 = await main.page.evaluate(() => gopark.frames());
  expect(f1 > f0, `frames did not advance (${f0} -> ${f1})`);
});

await check('an example runs and its output is the CLI\'s', async () => {
  const { page } = main;
  const name = '10_go_keyword';
  expect(await page.evaluate((n) => gopark.openExample(n), name), 'openExample failed');
  const code = await page.evaluate(async () => { gopark.run(); return await gopark.done(); });
  expect(code === 0, 'exit status ' + code);
  const out = await page.evaluate(() => gopark.output());
  const want = fs.readFileSync(path.join(expectedDir, name + '.out'), 'utf8');
  expect(out === want, `output differs:\n${out}\n--- expected:\n${want}`);
  const state = await page.evaluate(() => gopark.state());
  expect(state && state.running === false && state.goroutines.some((g) => g.function === 'main.main'),
         'state() lacks main: ' + JSON.stringify(state).slice(0, 200));
});

await check('goroutines really run in parallel on Web Workers (GOMAXPROCS 2)', async () => {
  const { page } = main;
  // Two goroutines that stay on the CPU for 1.5 s while main waits. Timing cannot prove
  // parallelism on a busy 2-core machine; the dashboard's own picture can: some frame must show
  // both running at once, on two Ps, on two different threads (Workers).
  const src = 'package main\n\nimport "time"\n\nfunc main() {\n\tdone := make(chan int)\n' +
    '\tuntil := time.Now().Add(1500 * time.Millisecond)\n\tfor i := 0; i < 2; i++ {\n\t\tgo func() {\n' +
    '\t\t\tn := 0\n\t\t\tfor time.Now().Before(until) {\n\t\t\t\tn++\n\t\t\t}\n\t\t\tdone <- n\n\t\t}()\n\t}\n' +
    '\t<-done\n\t<-done\n}\n';
  await page.evaluate((s) => { gopark.load(s); gopark.setSettings({ procs: 2, mode: 0 }); }, src);
  const seen = await page.evaluate(async () => {
    gopark.run();
    let most = 0;
    while (gopark.running()) {
      const st = gopark.state();  // null until the run's first frame
      if (st) {
        const running = st.goroutines.filter((g) => g.go_state === 'running' && g.p >= 0);
        const threads = new Set(st.threads.filter((t) => t.running > 0).map((t) => t.os_tid));
        most = Math.max(most, Math.min(new Set(running.map((g) => g.p)).size, threads.size));
      }
      await new Promise((resolve) => setTimeout(resolve, 15));
    }
    return { most, code: await gopark.done() };
  });
  expect(seen.code === 0, 'exit status ' + seen.code + ': ' + await page.evaluate(() => gopark.output()));
  expect(seen.most >= 2, `no frame showed two goroutines running on two Workers at once (at most ${seen.most})`);
});

await check('for {} can be stopped, and the page keeps drawing meanwhile', async () => {
  const { page } = main;
  await page.evaluate(() => { gopark.load('package main\n\nfunc main() {\n\tfor {\n\t}\n}\n'); gopark.run(); });
  await page.waitForTimeout(300);
  expect(await page.evaluate(() => gopark.running()), 'not running');
  const f0 = await page.evaluate(() => gopark.frames());
  await page.waitForTimeout(700);
  const f1 = await page.evaluate(() => gopark.frames());
  expect(f1 - f0 >= 10, `only ${f1 - f0} frames in 700 ms while the program spins`);
  const code = await page.evaluate(async () => { gopark.stop(); return await gopark.done(); });
  expect(code === -1, 'exit status after stop: ' + code);
});

await check('threads mode (1:1) runs an example with a Web Worker per goroutine', async () => {
  const { page } = main;
  const name = '09_factory_workers';
  await page.evaluate((n) => { gopark.openExample(n); gopark.setSettings({ mode: 1, procs: 2 }); }, name);
  const code = await page.evaluate(async () => { gopark.run(); return await gopark.done(); });
  expect(code === 0, 'exit status ' + code + ': ' + (await page.evaluate(() => gopark.output())).slice(0, 300));
  const want = fs.readFileSync(path.join(expectedDir, name + '.out'), 'utf8');
  expect((await page.evaluate(() => gopark.output())) === want, 'output differs');
  await page.evaluate(() => gopark.setSettings({ mode: 0 }));
});

await check('a program that allocates without end stops with "out of memory", not the tab', async () => {
  const { page } = main;
  await page.evaluate(() => {
    gopark.load('package main\n\nfunc main() {\n\tvar keep [][]byte\n\tfor {\n\t\tkeep = append(keep, make([]byte, 1<<20))\n\t}\n}\n');
    gopark.run();
  });
  const code = await page.evaluate(() => gopark.done());
  const out = await page.evaluate(() => gopark.output());
  expect(code === 2 && out.includes('fatal error: out of memory'), `exit ${code}: ${out.slice(0, 200)}`);
  const f0 = await page.evaluate(() => gopark.frames());
  await page.waitForTimeout(300);
  expect((await page.evaluate(() => gopark.frames())) > f0, 'the page stopped drawing');
  // And the page still runs programs afterwards.
  const again = await page.evaluate(async () => { gopark.openExample('10_go_keyword'); gopark.run(); return await gopark.done(); });
  expect(again === 0, 'the next run exited ' + again);
});

await check('Run while a run is going replaces it without freezing the page', async () => {
  const { page } = main;
  const code = await page.evaluate(async () => {
    gopark.load('package main\n\nfunc main() {\n\tfor {\n\t}\n}\n');
    gopark.run();
    await new Promise((r) => setTimeout(r, 200));
    gopark.openExample('10_go_keyword');
    gopark.run();
    return await gopark.done();
  });
  expect(code === 0, 'exit status ' + code);
  const want = fs.readFileSync(path.join(expectedDir, '10_go_keyword.out'), 'utf8');
  expect((await page.evaluate(() => gopark.output())) === want, 'output is not the second program\'s');
});

await check('every example runs in the page as it does on the CLI (output, or its patterns, and exit status)', async () => {
  const { page } = main;
  const names = fs.readdirSync(examplesDir).filter((f) => f.endsWith('.go')).map((f) => f.slice(0, -3)).sort();
  expect(names.length >= 20, 'only ' + names.length + ' examples');
  const problems = [];
  for (const name of names) {
    const source = fs.readFileSync(path.join(examplesDir, name + '.go'), 'utf8');
    const exit = Number((source.match(/^\/\/ gopark:.*\bexit=(\d+)/m) || [0, 0])[1]);
    const code = await page.evaluate(async (n) => { gopark.setSettings({ mode: 0 }); gopark.openExample(n); gopark.run(); return await gopark.done(); }, name);
    const out = await page.evaluate(() => gopark.stdout());
    if (code !== exit) problems.push(`${name}: exit ${code}, want ${exit}`);
    const exact = path.join(expectedDir, name + '.out');
    const patterns = path.join(expectedDir, name + '.out.re');
    if (fs.existsSync(exact)) {
      if (out !== fs.readFileSync(exact, 'utf8')) problems.push(`${name}: output differs: ${JSON.stringify(out.slice(0, 120))}`);
    } else if (fs.existsSync(patterns)) {
      const want = fs.readFileSync(patterns, 'utf8').split('\n').filter((l) => l !== '');
      const have = out.split('\n').filter((l, i, all) => i < all.length - 1 || l !== '');
      if (want.length !== have.length || want.some((re, i) => !new RegExp('^(' + re + ')$').test(have[i]))) {
        problems.push(`${name}: output does not match its patterns: ${JSON.stringify(out.slice(0, 120))}`);
      }
    } else if (!/^\/\/ gopark:.*\bnondeterministic\b/m.test(source)) {  // those: the exit status only
      problems.push(`${name}: no expected output in ${expectedDir}`);
    }
  }
  expect(problems.length === 0, problems.join(' || '));
  console.log(`# ${names.length} examples`);
});

await check('setSettings takes mode names and refuses values out of range', async () => {
  const { page } = main;
  const r = await page.evaluate(() => {
    const errors = [];
    gopark.setSettings({ mode: 'threads', procs: 4, speed: 30 });
    const named = gopark.settings();
    for (const bad of [{ mode: 7 }, { mode: 'fast' }, { procs: 0 }, { procs: 2.5 }, { speed: -1 }, { seed: 'x' }]) {
      try { gopark.setSettings(bad); errors.push(null); } catch (e) { errors.push(e.message); }
    }
    const after = gopark.settings();
    gopark.setSettings({ mode: 'mn', procs: 2, speed: 0 });
    return { named, errors, after };
  });
  expect(r.named.mode === 1 && r.named.procs === 4 && r.named.speed === 30, 'settings: ' + JSON.stringify(r.named));
  expect(r.errors.every((m) => typeof m === 'string' && m.length > 0), 'accepted: ' + JSON.stringify(r.errors));
  expect(r.after.mode === 1 && r.after.procs === 4, 'a refused value changed the settings: ' + JSON.stringify(r.after));
});

await check('calls before gopark.ready are refused with a clear error, and done() before any run is -1', async () => {
  const page = await browser.newPage();
  page.on('pageerror', (e) => logs.push(`[pageerror] ${e.message}`));
  // Hold the wasm back until the calls are made, so the page is certainly still starting.
  let release;
  const held = new Promise((resolve) => { release = resolve; });
  await page.route('**/index.wasm', async (route) => { await held; await route.continue(); });
  try {
    await page.goto(url, { waitUntil: 'domcontentloaded', timeout: 60000 });
    await page.waitForFunction(() => !!(window.gopark && window.gopark.ready), null, { timeout: 60000 });
    const early = await page.evaluate(async () => {
      const out = {};
      const calls = { load: () => gopark.load('package main\nfunc main() {}\n'), run: () => gopark.run(),
                      state: () => gopark.state(), settings: () => gopark.settings(),
                      setSettings: () => gopark.setSettings({ procs: 2 }), output: () => gopark.output() };
      for (const [name, call] of Object.entries(calls)) {
        try { call(); out[name] = 'returned'; } catch (e) { out[name] = e.message; }
      }
      out.done = await gopark.done().then(() => 'resolved', (e) => e.message);
      out.onOutput = typeof gopark.onOutput(() => {});
      return out;
    });
    for (const name of ['load', 'run', 'state', 'settings', 'setSettings', 'output', 'done']) {
      expect(/still starting; await gopark.ready/.test(early[name]), `${name} before ready: ${early[name]}`);
    }
    expect(early.onOutput === 'undefined', 'onOutput before ready: ' + early.onOutput);
    release();
    await page.evaluate(() => gopark.ready);
    const after = await page.evaluate(async () => {
      const first = await gopark.done();  // no run yet
      gopark.load('package main\n\nimport "fmt"\n\nfunc main() { fmt.Println("after ready") }\n');
      gopark.run();
      const code = await gopark.done();
      return { first, code, out: gopark.stdout() };
    });
    expect(after.first === -1, 'done() before any run: ' + after.first);
    expect(after.code === 0 && after.out === 'after ready\n', 'the page after ready: ' + JSON.stringify(after));
    expect(!logs.some((l) => /memory access out of bounds/.test(l)), 'the module was reached too early');
  } finally {
    release();
    await page.close();
  }
});

await check('a share link reopens the same program and settings, without running it', async () => {
  const { page } = main;
  const src = 'package main\n\nimport "fmt"\n\nfunc main() {\n\tfmt.Println("shared: héllo, 世界")\n}\n';
  // A seed past 2^53, which a JS number would round.
  await page.evaluate((s) => { gopark.load(s); gopark.setSettings({ procs: 3, mode: 2, speed: 10, seed: '12345678901234567890' }); }, src);
  const link = await page.evaluate(() => gopark.shareLink());
  expect(link.includes('#code='), 'link: ' + link);
  const other = await open(link.slice(link.indexOf('#')));
  const back = await other.page.evaluate(() => ({ source: gopark.source(), settings: gopark.settings(), running: gopark.running() }));
  expect(back.source === src, 'source differs: ' + JSON.stringify(back.source).slice(0, 80));
  expect(back.settings.procs === 3 && back.settings.mode === 2 && back.settings.speed === 10 &&
         String(back.settings.seed) === '12345678901234567890',
         'settings differ: ' + JSON.stringify(back.settings));
  expect(back.running === false, 'the shared program started by itself');
  const seen = [];
  await other.page.exposeFunction('seenOutput', (text) => seen.push(text));
  await other.page.evaluate(() => gopark.onOutput((t) => window.seenOutput(t)));
  const code = await other.page.evaluate(async () => { gopark.run(); return await gopark.done(); });
  expect(code === 0, 'exit status ' + code);
  expect((await other.page.evaluate(() => gopark.output())) === 'shared: héllo, 世界\n', 'output');
  // onOutput reports each run, even one printing what the last one did.
  await other.page.evaluate(async () => { gopark.run(); await gopark.done(); await new Promise((r) => setTimeout(r, 200)); });
  expect(seen.filter((t) => t.includes('shared: héllo')).length === 2, 'onOutput saw: ' + JSON.stringify(seen));
  await other.page.close();
});

await check('the race detector: a racy run reports its lines in state().races and exits 66; the setting travels in links', async () => {
  const { page } = main;
  const src = 'package main\n\nimport (\n\t"fmt"\n\t"sync"\n)\n\nfunc main() {\n\tn := 0\n\tvar wg sync.WaitGroup\n' +
              '\tfor i := 0; i < 2; i++ {\n\t\twg.Add(1)\n\t\tgo func() {\n\t\t\tdefer wg.Done()\n\t\t\tn++\n\t\t}()\n\t}\n' +
              '\twg.Wait()\n\tfmt.Println("done")\n}\n';  // n++ is line 15
  const racy = await page.evaluate(async (s) => {
    gopark.load(s);
    gopark.setSettings({ procs: 2, mode: 'mn', race: true });
    gopark.run();
    const code = await gopark.done();
    return { code, settings: gopark.settings(), races: gopark.state().races, output: gopark.output(), link: await gopark.shareLink() };
  }, src);
  expect(racy.code === 66, 'exit status ' + racy.code + ': ' + racy.output.slice(0, 300));
  expect(racy.settings.race === true, 'settings: ' + JSON.stringify(racy.settings));
  expect(racy.races.length === 1 && racy.races[0].line === 15 && racy.races[0].previous_line === 15 &&
         racy.races[0].goroutine !== racy.races[0].previous_goroutine && racy.races[0].text.includes('WARNING: DATA RACE'),
         'races: ' + JSON.stringify(racy.races).slice(0, 400));
  expect(racy.output.includes('Found 1 data race(s)'), 'output: ' + racy.output.slice(-200));
  expect(racy.link.includes('race=true'), 'link: ' + racy.link);
  const clean = await page.evaluate(async () => {
    gopark.setSettings({ race: false });
    gopark.run();
    const code = await gopark.done();
    return { code, races: gopark.state().races };
  });
  expect(clean.code === 0 && clean.races.length === 0, 'without the detector: ' + JSON.stringify(clean));
});

await check('#example=<name> opens a built-in example', async () => {
  const other = await open('#example=13_who_runs_first');
  const name = await other.page.evaluate(() => gopark.source().split('\n')[0]);
  expect(name.startsWith('// Example:'), 'first line: ' + name);
  expect(await other.page.evaluate(() => !gopark.running()), 'it started by itself');
  await other.page.close();
});

await check('a damaged link is refused with a message, and the default program stays', async () => {
  const first = await main.page.evaluate(() => { gopark.openExample('01_parallel_speedup'); return gopark.source(); });
  for (const hash of ['#code=%%%not-base64', '#code=AAAA', '#code=' + 'A'.repeat(200000), '#procs=-3']) {
    const other = await open(hash);
    const notice = await other.page.evaluate(() => document.getElementById('notice').textContent);
    expect(/damaged|too big/.test(notice), `${hash.slice(0, 20)}: notice is "${notice}"`);
    const src = await other.page.evaluate(() => gopark.source());
    expect(src === first, `${hash.slice(0, 20)}: the editor does not hold the default program`);
    expect(await other.page.evaluate(() => !gopark.running()), 'something runs');
    await other.page.close();
  }
});

await check('typing, and copy and paste with the OS clipboard, work in the editor', async () => {
  await withClipboardPage(async (page) => {
    await page.evaluate(() => gopark.load('package main\n\nfunc main() {\n}\n'));
    await drawn(page, 3);
    await page.mouse.click(200, 150);  // into the editor's text (the default layout, 1280x800)
    await page.keyboard.press('Control+End');
    await page.keyboard.type('// typed');
    await page.evaluate(() => navigator.clipboard.writeText(' and pasted'));
    await page.keyboard.press('Control+V');
    const typed = 'package main\n\nfunc main() {\n}\n// typed and pasted';
    const source = await settle(() => page.evaluate(() => gopark.source()), (s) => s === typed);
    expect(source === typed, 'editor holds ' + JSON.stringify(source));
    // Quick taps, faster than the page draws frames: the shell paces key events (web/main.cpp).
    await page.keyboard.press('Control+A');
    await page.keyboard.press('Control+C');
    const copied = await settle(() => page.evaluate(() => navigator.clipboard.readText()), (s) => s === source);
    expect(copied === source, 'clipboard holds ' + JSON.stringify(copied));
  });
});

await check('the Share button puts a link in the OS clipboard that reopens the program', async () => {
  await withClipboardPage(async (page) => {
    const src = 'package main\n\nimport "fmt"\n\nfunc main() {\n\tfmt.Println("via the button")\n}\n';
    await page.evaluate((s) => { gopark.load(s); gopark.setSettings({ procs: 2, speed: 30 }); }, src);
    await page.evaluate(() => navigator.clipboard.writeText('nothing yet'));
    await drawn(page, 3);
    await page.mouse.click(388, 36);  // the toolbar's Share button (the default layout, 1280x800)
    const link = await settle(() => page.evaluate(() => navigator.clipboard.readText()), (s) => s.includes('#code='));
    expect(link.includes('#code='), 'clipboard holds ' + JSON.stringify(link.slice(0, 80)));
    const notice = await page.evaluate(() => document.getElementById('notice').textContent);
    expect(/copied/i.test(notice), 'notice is ' + JSON.stringify(notice));
    const back = await open(link.slice(link.indexOf('#')));
    const got = await back.page.evaluate(() => ({ source: gopark.source(), settings: gopark.settings() }));
    await back.page.close();
    expect(got.source === src, 'source differs: ' + JSON.stringify(got.source).slice(0, 80));
    expect(got.settings.procs === 2 && got.settings.speed === 30, 'settings differ: ' + JSON.stringify(got.settings));
  });
});

await check('File > Export trace downloads the run as Chrome trace JSON', async () => {
  const other = await open('#example=10_go_keyword');
  try {
    await other.page.evaluate(async () => { gopark.run(); await gopark.done(); });
    await other.page.mouse.click(24, 10);  // the File menu (the dashboard's default layout, 1280x800)
    await other.page.waitForTimeout(300);
    const [download] = await Promise.all([other.page.waitForEvent('download', { timeout: 15000 }),
                                          other.page.mouse.click(60, 88)]);  // "Export trace (Chrome JSON)"
    expect(download.suggestedFilename() === 'gopark-trace.json', 'file name ' + download.suggestedFilename());
    const trace = JSON.parse(fs.readFileSync(await download.path(), 'utf8'));
    expect(Array.isArray(trace.traceEvents) && trace.traceEvents.length > 10, 'few events');
  } finally {
    await other.page.close();
  }
});

// Simulated runs (issue 14): a link with mode=sim, a seed and a step opens paused at that step;
// Step back then forward returns to the same picture; explore gives what the CLI gives.
const simHash = '#example=07_rare_lost_update&mode=sim&seed=54&procs=2';
// What a step shows: each goroutine's id, state and line, and the step number.
// (Taken from a frame drawn while the run was held at its step: `held`.)
const picture = () => {
  const st = gopark.state();
  if (!st || !st.held) return JSON.stringify({ step: -1, gs: [] });
  return JSON.stringify({ step: st.step, gs: st.goroutines.map((g) => [g.id, g.state, g.line]) });
};
await check('a link with mode=sim&seed=&step= opens paused at that step, as a fresh seek shows it', async () => {
  const other = await open(simHash + '&step=9');
  await other.page.waitForFunction(() => gopark.running() && gopark.step() >= 9, null, { timeout: 30000 });
  await drawn(other.page, 5);
  const fromLink = await settle(() => other.page.evaluate(picture), (p) => JSON.parse(p).step >= 9, 15000);
  expect(JSON.parse(fromLink).step >= 9, 'step: ' + fromLink);
  const link = await other.page.evaluate(() => gopark.shareLink());
  expect(/[#&]step=\d+/.test(link) && link.includes('mode=3'), 'the link made there: ' + link);
  // Back one step, then forward again: the same picture.
  const at = JSON.parse(fromLink).step;
  await other.page.evaluate((k) => gopark.seek(k), at - 1);
  const before = JSON.parse(await settle(() => other.page.evaluate(picture), (p) => {
    const q = JSON.parse(p);
    return q.step >= 0 && q.step < at;
  }, 15000));
  expect(before.step >= 0 && before.step < at, 'back: ' + JSON.stringify(before));
  await other.page.evaluate((k) => gopark.seek(k), at);
  await drawn(other.page, 5);
  const again = await settle(() => other.page.evaluate(picture), (p) => p === fromLink, 15000);
  expect(again === fromLink, 'forward again: ' + again + ' vs ' + fromLink);
  // The rest of the run: the update this seed loses is lost in the page too.
  await other.page.evaluate(() => gopark.stop());
  await other.page.evaluate(async () => { gopark.run(); return gopark.done(); });
  const out = await other.page.evaluate(() => gopark.stdout());
  expect(out === 'counter = 1 an update was lost\n', 'output: ' + JSON.stringify(out));
  await other.page.close();
});

await check('gopark.explore finds the lost update, with the counts and seeds of the CLI', async () => {
  const other = await open(simHash.replace('&seed=54', '&seed=1'));
  const outcomes = await other.page.evaluate(() => gopark.explore({ runs: 300 }));
  await other.page.close();
  expect(outcomes.some((o) => o.stdout.includes('lost')), 'outcomes: ' + JSON.stringify(outcomes));
  const cli = process.env.GOPARK_NATIVE;
  if (cli && fs.existsSync(cli)) {
    const { execFileSync } = await import('node:child_process');
    const lines = execFileSync(cli, ['explore', '--runs', '300', '--procs', '2', '--json',
      path.join(examplesDir, '07_rare_lost_update.go')]).toString().trim().split('\n');
    const native = lines.map((l) => JSON.parse(l)).map((o) => [o.stdout, o.count, o.seed]);
    const page = outcomes.map((o) => [o.stdout, o.count, o.seed]);
    expect(JSON.stringify(native) === JSON.stringify(page), 'CLI ' + JSON.stringify(native) + ' vs page ' + JSON.stringify(page));
  }
});

await check('a screenshot of the dashboard is not blank', async () => {
  await main.page.evaluate(() => { gopark.openExample('11_why_goroutines_wait'); gopark.run(); });
  await main.page.waitForTimeout(800);
  await main.page.screenshot({ path: screenshot });
  const size = fs.statSync(screenshot).size;
  expect(size > 20000, `screenshot is only ${size} bytes`);
});

await browser.close();
fs.rmSync(userDataDir, { recursive: true, force: true });

// Served without the headers: coi-serviceworker isolates the page after one reload; where
// service workers are blocked, the page says why instead of failing silently.
async function plainBrowser(serviceWorkers) {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'gopark-chromium-'));
  const ctx = await chromium.launchPersistentContext(dir, {
    executablePath: '/usr/bin/chromium', headless: true, serviceWorkers,
    args: ['--no-sandbox', '--disable-gpu', '--use-angle=swiftshader'], viewport: { width: 1280, height: 800 },
  });
  return { ctx, dir };
}
if (plainUrl) {
  await check('without the headers, coi-serviceworker makes the page isolated after one reload', async () => {
    const { ctx, dir } = await plainBrowser('allow');
    try {
      const page = await ctx.newPage();
      await page.goto(plainUrl, { waitUntil: 'load' });
      await page.waitForFunction(() => window.crossOriginIsolated === true, null, { timeout: 30000 });
      await page.waitForFunction(() => window.gopark && window.gopark.isolated === true, null, { timeout: 30000 });
      await page.evaluate(() => window.gopark.ready);
      const code = await page.evaluate(async () => { gopark.openExample('10_go_keyword'); gopark.run(); return await gopark.done(); });
      expect(code === 0, 'exit status ' + code);
    } finally {
      await ctx.close();
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
  await check('without isolation at all, the page says why threads are unavailable', async () => {
    const { ctx, dir } = await plainBrowser('block');
    try {
      const page = await ctx.newPage();
      await page.goto(plainUrl, { waitUntil: 'load' });
      await page.waitForFunction(() => /cross-origin isolated/.test(document.getElementById('status-text').textContent),
                                 null, { timeout: 20000 });
      expect(await page.evaluate(() => !window.crossOriginIsolated), 'isolated after all');
    } finally {
      await ctx.close();
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
}
if (failures) console.log(logs.slice(-40).join('\n'));
console.log(`${failures ? 'FAILED' : 'passed'}: ${failures} failure(s)`);
process.exit(failures);
