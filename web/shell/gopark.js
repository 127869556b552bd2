// The playground page: loads the engine + dashboard (index.js / index.wasm, pthreads on Web
// Workers), says clearly why when it cannot, restores a shared link, and offers window.gopark:
//
//   gopark.load(source)        put a program in the editor (nothing runs); source() reads it back
//   gopark.openExample(name)   a built-in example, e.g. "10_go_keyword"; false if there is none
//   gopark.run() / stop()      press Run / Stop; running() says whether a run is going
//   gopark.output()            everything the run wrote so far (stdout, stderr, the ending)
//   gopark.stdout()            its standard output alone
//   gopark.state()             goroutines, Ps, Ms, channels and locks of the latest frame (object)
//   gopark.done()              Promise of the exit status once the run ends (-1: stopped)
//   gopark.onOutput(callback)  called with the new text whenever output grows
//   gopark.settings() / setSettings({procs, mode, speed, seed, memory, 'max-steps', race})
//   gopark.shareLink()         Promise of a link that reopens this program and these settings
//   gopark.copyShareLink()     the Share button: that link into the clipboard, with a notice
//   gopark.frames()            frames drawn so far (tests wait on it)
//   gopark.seek(step)          simulated runs (mode 'sim'): Promise of the step the run is then
//                              paused at, every panel showing that step (a replay from the start
//                              when it is behind; the first step >= `step`); rejects otherwise
//   gopark.step()              the run's step now: goroutine state changes so far
//   gopark.explore({runs, time})  Promise of the outcomes of many simulated runs of the editor's
//                              program (seeds seed, seed+1, ...; `time` in seconds), as
//                              `gopark explore --json`: [{stdout, stderr, exit, count, seed}]
//   gopark.ready               Promise resolved once the page can be used
//
// Until `ready` resolves (and after the engine stopped working), every call but onOutput throws
// an Error that says so; done, shareLink and copyShareLink return a rejected Promise instead.
// done() before any run resolves at once with -1.
//
// Links: #code=<deflate-raw, base64url>&procs=&mode=&speed=&seed=&memory=&max-steps=&race=[&step=]  or
// #example=<name>. With mode=sim (simulated, deterministic) a link replays the very run it was
// made from: the seed is the whole schedule; made while that run is paused, it carries its step,
// and opens paused there.
// A damaged or oversized link shows a message and leaves the default program; nothing runs
// until Run is pressed.
'use strict';

(function () {
  const statusBox = document.getElementById('status');
  const statusText = document.getElementById('status-text');
  const notice = document.getElementById('notice');
  const MAX_LINK_SOURCE = 64 * 1024;  // bytes of program a link may carry, uncompressed
  const SETTINGS = ['procs', 'mode', 'speed', 'seed', 'memory', 'max-steps', 'race'];  // what a link carries

  function showStatus(text, isError) {
    statusText.textContent = text;
    statusText.className = isError ? 'why' : '';
    statusBox.classList.remove('hidden');
    if (isError) document.getElementById('progress').style.display = 'none';
  }
  function showNotice(text) {
    notice.textContent = text;
    notice.style.display = 'block';
    clearTimeout(showNotice.timer);
    showNotice.timer = setTimeout(() => { notice.style.display = 'none'; }, 8000);
  }

  // ---- links: deflate-raw + base64url, with the browser's own compression streams ----
  function toBase64Url(bytes) {
    let s = '';
    for (let i = 0; i < bytes.length; i += 0x8000) s += String.fromCharCode.apply(null, bytes.subarray(i, i + 0x8000));
    return btoa(s).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
  }
  function fromBase64Url(text) {
    if (!/^[A-Za-z0-9_-]*$/.test(text)) throw new Error('not base64url');
    const s = atob(text.replace(/-/g, '+').replace(/_/g, '/'));
    const bytes = new Uint8Array(s.length);
    for (let i = 0; i < s.length; ++i) bytes[i] = s.charCodeAt(i);
    return bytes;
  }
  async function pipe(bytes, stream) {
    const out = new Response(new Blob([bytes]).stream().pipeThrough(stream));
    return new Uint8Array(await out.arrayBuffer());
  }
  async function packSource(source) {
    return toBase64Url(await pipe(new TextEncoder().encode(source), new CompressionStream('deflate-raw')));
  }
  async function unpackSource(packed) {
    const bytes = await pipe(fromBase64Url(packed), new DecompressionStream('deflate-raw'));
    if (bytes.length > MAX_LINK_SOURCE) throw new Error('too big');
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  }

  // ---- cross-origin isolation: threads need SharedArrayBuffer ----
  if (!window.crossOriginIsolated) {
    // coi-serviceworker (loaded before this script) reloads the page once it can isolate it.
    const why = !window.isSecureContext
      ? 'this page is not a secure context (use https, or http://127.0.0.1)'
      : !('serviceWorker' in navigator)
        ? 'this browser cannot run the service worker that would enable it'
        : 'the service worker that enables it did not take over the page (private mode or blocked?)';
    showStatus('Enabling threads…');
    setTimeout(() => {
      if (window.crossOriginIsolated) return;
      showStatus('gopark runs goroutines on real threads (Web Workers sharing memory), which browsers only allow ' +
                 'on a cross-origin isolated page, and this page is not: ' + why + '. Serve it with the headers ' +
                 '"Cross-Origin-Opener-Policy: same-origin" and "Cross-Origin-Embedder-Policy: require-corp" ' +
                 '(make play does), or use a browser that supports service workers.', true);
    }, 4000);
    window.gopark = { ready: Promise.reject(new Error('not cross-origin isolated')), isolated: false };
    window.gopark.ready.catch(() => {});  // the page says why; a caller awaiting it gets the error
    return;
  }

  let readyResolve, readyReject;
  const ready = new Promise((resolve, reject) => { readyResolve = resolve; readyReject = reject; });
  ready.catch(() => {});
  // Whether the engine can be called: 'starting' until its main loop runs (onGoparkReady), then
  // 'up', 'dead' once it aborted or could not load. A call that would reach the module in any
  // other state than 'up' throws (or rejects) with why: before, a load() ahead of `ready` read
  // memory that was not there yet, and threw "memory access out of bounds" out of the module.
  let engine = 'starting';
  function whyNot(name) {
    return new Error(engine === 'starting'
      ? `gopark.${name}: gopark is still starting; await gopark.ready first`
      : `gopark.${name}: gopark stopped working; reload the page`);
  }
  function fail(text) {
    engine = 'dead';
    showStatus(text, true);
    readyReject(new Error(text));
  }
  const outputListeners = [];
  let lastOutput = '';

  // The engine's WebAssembly, fetched here rather than by index.js so that the page can show how
  // much has arrived, then compiled. Content-Length is only a hint: a host that compresses the file
  // sends the compressed size, while the stream gives the bytes uncompressed.
  const progress = document.getElementById('progress');
  async function fetchWasm(url) {
    const response = await fetch(url);
    if (!response.ok) throw new Error(url + ': HTTP ' + response.status);
    const total = response.headers.get('Content-Encoding') ? 0 : Number(response.headers.get('Content-Length')) || 0;
    if (!response.body) return new Uint8Array(await response.arrayBuffer());
    const reader = response.body.getReader();
    const chunks = [];
    let received = 0;
    if (total) progress.max = total;
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      chunks.push(value);
      received += value.length;
      if (total) progress.value = Math.min(received, total);
      statusText.textContent = `Loading gopark… ${(received / 1048576).toFixed(1)}` +
                               (total ? ` of ${(total / 1048576).toFixed(1)} MB` : ' MB');
    }
    const bytes = new Uint8Array(received);
    let at = 0;
    for (const c of chunks) { bytes.set(c, at); at += c.length; }
    return bytes;
  }

  const Module = window.Module = {
    canvas: document.getElementById('canvas'),
    instantiateWasm: (imports, receive) => {
      fetchWasm('index.wasm')
        .then((bytes) => {
          statusText.textContent = 'Starting gopark…';
          progress.removeAttribute('value');
          return WebAssembly.instantiate(bytes, imports);
        })
        .then((result) => receive(result.instance, result.module))
        .catch((e) => fail('Could not load gopark\'s WebAssembly: ' + e.message));
      return {};  // filled in asynchronously
    },
    print: (t) => console.log(t),
    printErr: (t) => console.warn(t),
    setStatus: (t) => { if (t) showStatus(t); },
    onAbort: (what) => fail('gopark stopped working: ' + what + '. Reload the page to start again.'),
    onGoparkReady: () => {
      engine = 'up';
      statusBox.classList.add('hidden');
      Module.canvas.focus();
      restoreFromLink().finally(() => readyResolve());
      // A link pasted into the address bar of an open page.
      window.addEventListener('hashchange', () => { restoreFromLink(); });
      requestAnimationFrame(watchOutput);
    },
  };

  const str = (ptr) => Module.UTF8ToString(ptr);
  // Passes a string to a C function through the heap (ccall would copy it onto the small stack).
  function withCString(text, fn) {
    const size = Module.lengthBytesUTF8(text) + 1;
    const ptr = Module._malloc(size);
    try {
      Module.stringToUTF8(text, ptr, size);
      return fn(ptr);
    } finally {
      Module._free(ptr);
    }
  }
  // The browser hands a page the OS clipboard only in a paste event, and SDL, which sees every key,
  // cancels the Ctrl+V that would cause one. So Ctrl+V (Cmd+V) is kept from SDL, the browser pastes,
  // and the text goes to the dashboard with a Ctrl+V of its own (main.cpp: gopark_paste).
  window.addEventListener('keydown', (e) => {
    if ((e.ctrlKey || e.metaKey) && !e.altKey && (e.key === 'v' || e.key === 'V')) e.stopImmediatePropagation();
  }, true);
  document.addEventListener('paste', (e) => {
    const text = e.clipboardData ? e.clipboardData.getData('text/plain') : '';
    if (Module.calledRun) withCString(text, (p) => Module._gopark_paste(p));
    e.preventDefault();
  });
  // Output listeners, polled once per animation frame (the main thread never waits on a worker).
  // A new run empties the transcript and bumps the version, so a run that prints what the last
  // one did is still reported.
  let lastVersion = -1, lastRuns = -1;
  function watchOutput() {
    if (engine !== 'up') return;
    const version = Module._gopark_output_version(), runs = Module._gopark_runs();
    if (outputListeners.length && (version !== lastVersion || runs !== lastRuns)) {
      const now = str(Module._gopark_output());
      const fresh = runs === lastRuns && now.startsWith(lastOutput) ? now.slice(lastOutput.length) : now;
      lastOutput = now;
      if (fresh) for (const f of outputListeners) { try { f(fresh); } catch (e) { console.error(e); } }
    }
    lastVersion = version;
    lastRuns = runs;
    requestAnimationFrame(watchOutput);
  }

  // The seed is a uint64: it travels as a decimal string (a JS number would round it past 2^53).
  function settings() {
    const c = JSON.parse(str(Module._gopark_settings()));
    c.seed = /^\d+$/.test(c.seed) && Number.isSafeInteger(Number(c.seed)) ? Number(c.seed) : c.seed;
    return c;
  }
  // Every setting and its limits are the engine's (engine/run/settings.hpp), checked there, so
  // the page, the toolbar, the CLI and links accept the same values: procs (GOMAXPROCS, 1-256),
  // mode (0 or 'mn', 1 or 'threads', 2 or 'coroutines', 3 or 'sim': simulated, deterministic,
  // the same run for the same seed), speed (source lines a second per P, 0
  // for full speed; it snaps to the slider's steps), seed (a uint64, as a number or a decimal
  // string), memory (the run's memory cap, heap, goroutines and buffers together: bytes, or '512MiB';
  // 16MiB to 1GiB), max-steps (the step budget: loop iterations and calls; 0 for the mode's
  // default, none or 200,000,000 in sim mode), race (true: the race detector, as go run -race; the
  // races it finds are in state().races and marked in the editor). Either every value is taken or, when
  // one is out of range, none is and this throws what that setting accepts.
  function applySettings(entries) {
    const lines = [];
    for (const [k, v] of entries) {
      const text = String(v);
      if (/[=\n]/.test(k) || text.includes('\n')) throw new Error(k + ': not a value');
      lines.push(k + '=' + text);
    }
    const error = withCString(lines.join('\n'), (p) => str(Module._gopark_set_settings(p)));
    if (error) throw new Error(error);
  }
  function setSettings(s) { applySettings(Object.entries(s || {})); }

  async function shareLink() {
    const params = new URLSearchParams();
    const example = str(Module._gopark_example_name());
    const source = str(Module._gopark_source());
    if (!example && new TextEncoder().encode(source).length > MAX_LINK_SOURCE) {
      throw new Error(`the program is over ${MAX_LINK_SOURCE / 1024} KB, too big for a link`);
    }
    if (example) params.set('example', example);
    else params.set('code', await packSource(source));
    const s = settings();
    for (const k of SETTINGS) params.set(k, s[k]);
    if (s.mode === 3 && Module._gopark_paused()) params.set('step', String(Module._gopark_step()));
    return location.origin + location.pathname + '#' + params.toString();
  }

  // Restores the program and settings a link carries; a damaged one only says so.
  async function restoreFromLink() {
    const hash = location.hash.replace(/^#/, '');
    if (!hash) return;
    const params = new URLSearchParams(hash);
    try {
      if (params.has('code')) {
        const packed = params.get('code');
        if (packed.length > MAX_LINK_SOURCE * 2) throw new Error('too big');
        const source = await unpackSource(packed);
        withCString(source, (p) => Module._gopark_load(p));
      } else if (params.has('example')) {
        if (!withCString(params.get('example').slice(0, 200), (p) => Module._gopark_open_example(p))) {
          showNotice('There is no example called "' + params.get('example') + '": here is the first one.');
          return;
        }
      }
      applySettings([...params].filter(([k]) => SETTINGS.includes(k)));
      if (params.has('step') && /^\d{1,15}$/.test(params.get('step'))) {
        if (!Module._gopark_seek(Number(params.get('step')))) {
          showNotice('This link names a step, but its run is not simulated (mode=sim): nothing runs.');
        }
      }
    } catch (e) {
      console.warn('gopark: link not used:', e);
      showNotice(e.message === 'too big'
        ? 'This link carries a program too big to open; here is the default program instead.'
        : 'This link is damaged (cut short when copied?); here is the default program instead.');
    }
  }

  const api = {
    load: (source) => withCString(String(source), (p) => Module._gopark_load(p)),
    openExample: (name) => !!withCString(String(name).slice(0, 200), (p) => Module._gopark_open_example(p)),
    source: () => str(Module._gopark_source()),
    run: () => Module._gopark_run(),
    stop: () => Module._gopark_stop(),
    running: () => !!Module._gopark_running(),
    output: () => str(Module._gopark_output()),
    stdout: () => str(Module._gopark_stdout()),
    state: () => JSON.parse(str(Module._gopark_state())),
    frames: () => Module._gopark_frames(),
    // Before any run, and after one has ended, it resolves at once (-1 when nothing ran yet).
    done: () => new Promise((resolve, reject) => {
      const poll = () => {
        if (engine !== 'up') reject(whyNot('done'));
        else if (Module._gopark_running()) setTimeout(poll, 20);
        else resolve(Module._gopark_exit_code());
      };
      poll();
    }),
    seek: (step) => new Promise((resolve, reject) => {
      const k = Number(step);
      if (!Number.isSafeInteger(k) || k < 0) { reject(new Error('seek: a step is a whole number')); return; }
      if (!Module._gopark_seek(k)) { reject(new Error('seek: only a simulated run (mode sim) has steps to go to')); return; }
      const poll = () => {
        if (engine !== 'up') reject(whyNot('seek'));
        else if (Module._gopark_seeking() || !Module._gopark_paused()) {
          if (!Module._gopark_seeking() && !Module._gopark_running()) resolve(Module._gopark_step());  // it ended first
          else setTimeout(poll, 20);
        } else resolve(Module._gopark_step());
      };
      poll();
    }),
    step: () => Module._gopark_step(),
    explore: (options) => new Promise((resolve, reject) => {
      const o = options || {};
      const error = str(Module._gopark_explore_start(Number(o.runs) || 0, Number(o.time) || 0));
      if (error) { reject(new Error('explore: ' + error)); return; }
      const poll = () => {
        if (engine !== 'up') { reject(whyNot('explore')); return; }
        const text = str(Module._gopark_explore_poll());
        if (!text) { setTimeout(poll, 50); return; }
        resolve(text.split('\n').filter((l) => l).map((l) => JSON.parse(l)));
      };
      poll();
    }),
    onOutput: (callback) => { outputListeners.push(callback); },
    settings,
    setSettings,
    shareLink,
    copyShareLink: async () => {
      try {
        const link = await shareLink();
        await navigator.clipboard.writeText(link);
        showNotice('Link copied: it opens this program with these settings.');
        return link;
      } catch (e) {
        showNotice('No link: ' + e.message);
        return null;
      }
    },
  };

  // Every call reaches the module only while it is up; onOutput only registers a listener.
  const ASYNC = new Set(['done', 'shareLink', 'copyShareLink', 'seek', 'explore']);
  window.gopark = { isolated: true, ready, onOutput: api.onOutput };
  for (const [name, call] of Object.entries(api)) {
    if (name in window.gopark) continue;
    window.gopark[name] = (...args) => {
      if (engine === 'up') return call(...args);
      if (ASYNC.has(name)) return Promise.reject(whyNot(name));
      throw whyNot(name);
    };
  }

  const script = document.createElement('script');
  script.src = 'index.js';
  script.onerror = () => fail('Could not load index.js: is the build complete?');
  document.body.appendChild(script);
})();
