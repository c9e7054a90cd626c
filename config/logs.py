"""Log lines without personal data, as text for people or as one JSON object per line.

Request lines carry the method, the path without its query string, the status and the
duration, never the visitor's address, browser, referrer or what they typed. Links that are a
key in themselves (confirming an address, choosing a new password, a referral, a guest's
cancellation) lose their secret part. Used by `LOGGING` in config/settings/base.py and by
config/gunicorn.py for gunicorn's own and access logs.
"""

import logging
import logging.config
from collections.abc import Mapping

from pythonjsonlogger.core import RESERVED_ATTRS

from django.core.exceptions import ImproperlyConfigured

LOG_FORMATS = ("json", "text")

FORMATTERS = {
    "json": {
        "()": "pythonjsonlogger.json.JsonFormatter",
        "fmt": "%(levelname)s %(name)s %(message)s",
        "rename_fields": {"levelname": "level", "name": "logger"},
        "timestamp": "time",
        # Django attaches the whole request to its records; RequestFields keeps what is safe.
        "reserved_attrs": [*RESERVED_ATTRS, "request"],
    },
    "text": {"format": "%(asctime)s %(levelname)s %(name)s: %(message)s"},
}

# The part of the path after these is a secret: whoever has the link can use it.
SECRET_PATH_PARTS = (
    "/account/bevestigen/",
    "/account/wachtwoord-nieuw/",
    "/account/welkom/",
    "/afmelden/code/",
)
HIDDEN = "[hidden]"


def configure(logging_settings):
    """Django's LOGGING_CONFIG: the LOGGING dictionary, and Python's warnings as log records
    too, so that in production every line is JSON."""
    logging.config.dictConfig(logging_settings)
    logging.captureWarnings(True)


def checked_log_format(log_format):
    if log_format not in LOG_FORMATS:
        raise ImproperlyConfigured(f"LOG_FORMAT must be one of {', '.join(LOG_FORMATS)}.")
    return log_format


def loggable_path(path):
    for part in SECRET_PATH_PARTS:
        start = path.find(part)
        if start != -1:
            return path[: start + len(part)] + HIDDEN
    return path


class RequestFields(logging.Filter):
    """Django's request records (a 404, a refused host, a 500) as method and path, with secret
    paths cut off in the message too."""

    def filter(self, record):
        request = getattr(record, "request", None)
        path = getattr(request, "path", None)
        if isinstance(path, str):
            record.method = request.method
            record.path = loggable_path(path)
            if record.path != path:
                record.msg = record.getMessage().replace(path, record.path)
                record.args = ()
        return True


class AccessFields(logging.Filter):
    """gunicorn's access records, whose arguments are all it knows of a request, reduced to the
    fields of a request log."""

    def filter(self, record):
        atoms = record.args
        if not isinstance(atoms, Mapping):
            return True
        record.method = atoms["m"]
        record.path = loggable_path(atoms["U"])
        record.status = int(atoms["s"])
        record.duration_ms = atoms["M"]
        record.bytes = atoms["B"]
        # Set by nginx (proxy_set_header X-Request-ID $request_id), so lines can be matched.
        request_id = atoms["{x-request-id}i"]
        if request_id != "-":
            record.request_id = request_id
        record.msg = "%s %s %s in %s ms"
        record.args = (record.method, record.path, record.status, record.duration_ms)
        return True


def anonymous_client(username, ip_address, user_agent, path_info, request):
    """How django-axes names a client in its log lines (a lock-out): without the username,
    which may be an e-mail address, or the IP address."""
    return f"a client of {loggable_path(path_info)}"


def formatter(log_format):
    """One of FORMATTERS as an object, for handlers that no dictConfig sets up (gunicorn's)."""
    configuration = dict(FORMATTERS[checked_log_format(log_format)])
    return logging.config.DictConfigurator({}).configure_formatter(configuration)
