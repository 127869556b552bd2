#!/usr/bin/env python3
"""Serves the web playground (build/web/web by default) on http://127.0.0.1:8000/ with the two
headers that make the page cross-origin isolated, so that its Web Workers can share memory:
    Cross-Origin-Opener-Policy: same-origin
    Cross-Origin-Embedder-Policy: require-corp
usage: web/serve.py [DIR] [--port N] [--plain]   (--plain: without them, to test the fallback)"""
import argparse
import functools
import http.server
import os
import sys


class Handler(http.server.SimpleHTTPRequestHandler):
    extensions_map = {**http.server.SimpleHTTPRequestHandler.extensions_map,
                      '.wasm': 'application/wasm', '.js': 'text/javascript', '.mjs': 'text/javascript'}
    isolate = True

    def end_headers(self):
        if self.isolate:
            self.send_header('Cross-Origin-Opener-Policy', 'same-origin')
            self.send_header('Cross-Origin-Embedder-Policy', 'require-corp')
        self.send_header('Cache-Control', 'no-cache')
        super().end_headers()

    def log_message(self, fmt, *args):  # quiet: only errors
        if len(args) > 1 and str(args[1]).startswith(('4', '5')):
            super().log_message(fmt, *args)


def main():
    root = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
    parser = argparse.ArgumentParser(description='Serve the gopark web playground.')
    parser.add_argument('dir', nargs='?', default=os.path.join(root, 'build', 'web', 'web'))
    parser.add_argument('--port', type=int, default=8000)
    parser.add_argument('--plain', action='store_true', help='no COOP/COEP headers')
    args = parser.parse_args()
    if not os.path.isfile(os.path.join(args.dir, 'index.wasm')):
        sys.exit(f'serve: no playground build in {args.dir} (make web)')
    Handler.isolate = not args.plain
    try:
        server = http.server.ThreadingHTTPServer(('127.0.0.1', args.port),
                                                 functools.partial(Handler, directory=args.dir))
    except OSError as e:
        sys.exit(f'serve: cannot listen on 127.0.0.1:{args.port} ({e.strerror}); is another server there? '
                 f'Try: web/serve.py --port {args.port + 1}')
    print(f'gopark playground: http://127.0.0.1:{server.server_address[1]}/  (Ctrl+C stops it)', flush=True)
    try:
        server.serve_forever()
    except KeyboardInterrupt:
        pass


if __name__ == '__main__':
    main()
