"""gunicorn settings for `make serve` and production; each can be overridden on the command line."""

import multiprocessing
import os

bind = f"{os.environ.get('HOST', '127.0.0.1')}:{os.environ.get('PORT', '8000')}"
# The usual rule of thumb: two workers per core plus one.
workers = int(os.environ.get("WEB_CONCURRENCY", multiprocessing.cpu_count() * 2 + 1))
threads = int(os.environ.get("GUNICORN_THREADS", "1"))
timeout = 30
accesslog = "-"
# gunicorn 27 opens a control socket in the home folder by default; two servers on one
# machine would fight over it.
control_socket_disable = True
