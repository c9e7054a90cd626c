"""gunicorn settings for `make serve` and production; each can be overridden on the command line."""

import gc
import multiprocessing
import os

from gunicorn.glogging import Logger

from config.logs import AccessFields, formatter

bind = f"{os.environ.get('HOST', '127.0.0.1')}:{os.environ.get('PORT', '8000')}"
# One worker per core plus one: the cores stay busy while a worker waits for the database, and
# a small server keeps its memory (the usual 2 x cores + 1 means five workers on two cores).
workers = int(os.environ.get("WEB_CONCURRENCY", multiprocessing.cpu_count() + 1))
threads = int(os.environ.get("GUNICORN_THREADS", "1"))
timeout = 30
# A worker is replaced after about fifty thousand requests (not all at the same moment), so the
# memory it gathers over time stays bounded. Not much sooner: a new worker starts cold, and
# `make bench` measured what a thousand costs in a rush: 115 restarts in four minutes, cached
# pages at a third of the speed, requests waiting over 2 s. Without restarts a worker grew from
# 105 to 127 MB over 15,000 requests.
max_requests = 50000
max_requests_jitter = 5000
# The site is loaded once, before the workers are forked: they share its memory until they
# write to it, a replaced worker starts at once, and an error in the code stops the start.
preload_app = True

accesslog = "-"


class SiteLogger(Logger):
    """gunicorn's messages and request lines in the site's format (JSON unless LOG_FORMAT=text),
    request lines without personal data. Only the format changes: --access-logfile and
    --error-logfile still say where the lines go."""

    def setup(self, cfg):
        super().setup(cfg)
        log_format = os.environ.get("LOG_FORMAT", "json")
        for handler in self.error_log.handlers:
            handler.setFormatter(formatter(log_format))
        for handler in self.access_log.handlers:
            handler.setFormatter(formatter(log_format))
            handler.addFilter(AccessFields())


logger_class = SiteLogger
# gunicorn 27 opens a control socket in the home folder by default; two servers on one
# machine would fight over it.
control_socket_disable = True


def pre_fork(server, worker):
    """What the master loaded before forking (Django, Wagtail, the site's code) stays for good,
    so the workers' garbage collector need not walk it: a full collection then takes about
    10 ms instead of over 100 ms, in the middle of some request. It also keeps those pages of
    memory shared with the master instead of copied."""
    gc.freeze()
