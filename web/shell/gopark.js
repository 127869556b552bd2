// The playground page: loads the engine + dashboard (index.js / index.wasm, pthreads on Web
// Workers), says clearly why when it cannot, restores a shared link, and offers window.gopark:
//
//   gopark.load(source)        put a program in the editor (nothing runs)
//   gopark.openExample(name)   a built-in example, e.g. "10_go_keyword"; false if there is none
//   gopark.run() / stop()      press Run / Stop
//   gopark.output()            everything the run wrote so far (stdout, stderr, the ending)
//   gopark.stdout()            its standard output alone
//   gopark.state()             goroutines, Ps, Ms, channels and locks of the latest frame (object)
//   gopark.done()              Promise of the exit status once the run ends (-1: stopped)
//   gopark.onOutput(callback)  called with the new text whenever output grows
//   gopark.settings() / setSettings({procs, mode, speed, seed})
//   gopark.shareLink()         Promise of a link that reopens this program and these settings
//   gopark.ready               Promise resolved once the page can be used
//
// Links: #code=<deflate-raw, base64url>&procs=&mode=&speed=&seed=  or  #example=<name>.
// A damaged or oversized link shows a message and leaves the default program; nothing runs
// until Run is pressed.
'use strict';

(function () {
  const statusBox = document.getElementById('status');
  const statusText = document.getElementById('status-text');
  const notice = document.getElementById('notice');
  const MAX_LINK_SOURCE = 64 * 1024;  // bytes of program a link may carry, uncompressed

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
    window.gopark = { ready: new Promise(() => {}), isolated: false };
    return;
  }

  let readyResolve;
  const ready = new Promise((resolve) => { readyResolve = resolve; });
  const outputListeners = [];
  let lastOutput = '';

  // The engine's WebAssembly, fetched here rather than by index.js so that the page can show how
  // much has arrived; then compiled while it streams in where the browser can.
  const progress = document.getElementById('progress');
  async function fetchWasm(url) {
    const response = await fetch(url);
    if (!response.ok) throw new Error(url + ': HTTP ' + response.status);
    const total = Number(response.headers.get('Content-Length')) || 0;
    if (!total || !response.body) return new Uint8Array(await response.arrayBuffer());
    const reader = response.body.getReader();
    const bytes = new Uint8Array(total);
    let received = 0;
    progress.max = total;
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      bytes.set(value, received);
      received += value.length;
      progress.value = received;
      statusText.textContent = `Loading gopark… ${(received / 1048576).toFixed(1)} of ${(total / 1048576).toFixed(1)} MB`;
    }
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
        .catch((e) => showStatus('Could not load gopark\'s WebAssembly: ' + e.message, true));
      return {};  // filled in asynchronously
    },
    print: (t) => console.log(t),
    printErr: (t) => console.warn(t),
    setStatus: (t) => { if (t) showStatus(t); },
    onAbort: (what) => showStatus('gopark stopped working: ' + what + '. Reload the page to start again.', true),
    onGoparkReady: () => {
      statusBox.classList.add('hidden');
      Module.canvas.focus();
      restoreFromLink().finally(() => readyResolve());
      requestAnimationFrame(watchOutput);
    },
  };

  const str = (ptr) => Module.UTF8ToString(ptr);
  // The browser hands a page the OS clipboard only in a paste event: pass it on before the
  // dashboard's next frame handles the Ctrl+V that caused it.
  document.addEventListener('paste', (e) => {
    const text = e.clipboardData ? e.clipboardData.getData('text/plain') : '';
    if (Module.calledRun) call('gopark_paste', null, ['string'], [text]);
  });
  const call = (name, ret, types, args) => Module.ccall(name, ret, types, args);

  // Output listeners, polled once per animation frame (the main thread never waits on a worker).
  function watchOutput() {
    if (outputListeners.length) {
      const now = str(Module._gopark_output());
      if (now !== lastOutput) {
        const fresh = now.startsWith(lastOutput) ? now.slice(lastOutput.length) : now;
        lastOutput = now;
        for (const f of outputListeners) { try { f(fresh); } catch (e) { console.error(e); } }
      }
    }
    requestAnimationFrame(watchOutput);
  }

  function settings() { return JSON.parse(str(Module._gopark_controls())); }
  function setSettings(s) {
    const c = Object.assign(settings(), s || {});
    call('gopark_set_controls', null, ['number', 'number', 'number', 'number'],
         [c.procs | 0, c.mode | 0, +c.speed || 0, +c.seed || 0]);
  }

  async function shareLink() {
    const params = new URLSearchParams();
    const example = str(Module._gopark_example_name());
    if (example) params.set('example', example);
    else params.set('code', await packSource(str(Module._gopark_source())));
    const s = settings();
    params.set('procs', s.procs);
    params.set('mode', s.mode);
    params.set('speed', s.speed);
    params.set('seed', s.seed);
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
        call('gopark_load', null, ['string'], [await unpackSource(packed)]);
      } else if (params.has('example')) {
        if (!call('gopark_open_example', 'number', ['string'], [params.get('example')])) {
          showNotice('There is no example called "' + params.get('example') + '": here is the first one.');
          return;
        }
      }
      const s = {};
      for (const k of ['procs', 'mode', 'speed', 'seed']) {
        if (!params.has(k)) continue;
        const v = Number(params.get(k));
        if (!Number.isFinite(v) || v < 0) throw new Error('bad ' + k);
        s[k] = v;
      }
      setSettings(s);
    } catch (e) {
      console.warn('gopark: link not used:', e);
      showNotice(e.message === 'too big'
        ? 'This link carries a program too big to open; here is the default program instead.'
        : 'This link is damaged (cut short when copied?); here is the default program instead.');
    }
  }

  window.gopark = {
    isolated: true,
    ready,
    load: (source) => call('gopark_load', null, ['string'], [String(source)]),
    openExample: (name) => !!call('gopark_open_example', 'number', ['string'], [String(name)]),
    source: () => str(Module._gopark_source()),
    run: () => Module._gopark_run(),
    stop: () => Module._gopark_stop(),
    running: () => !!Module._gopark_running(),
    output: () => str(Module._gopark_output()),
    stdout: () => str(Module._gopark_stdout()),
    state: () => JSON.parse(str(Module._gopark_state())),
    frames: () => Module._gopark_frames(),
    done: () => new Promise((resolve) => {
      const poll = () => (Module._gopark_running() ? setTimeout(poll, 20) : resolve(Module._gopark_exit_code()));
      poll();
    }),
    onOutput: (callback) => { outputListeners.push(callback); },
    settings,
    setSettings,
    shareLink,
    copyShareLink: async () => {
      const link = await shareLink();
      await navigator.clipboard.writeText(link);
      showNotice('Link copied: it opens this program with these settings.');
      return link;
    },
  };

  const script = document.createElement('script');
  script.src = 'index.js';
  script.onerror = () => showStatus('Could not load index.js: is the build complete?', true);
  document.body.appendChild(script);
})();
