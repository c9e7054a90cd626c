from axes.helpers import get_client_ip_address


def client_ip(request):
    """The visitor's address, for log-in lock-outs (django-axes) and rate limits
    (django-ratelimit) alike. Forwarded headers count only behind a known number of proxies
    (PROXY_COUNT), so a visitor cannot escape a limit by inventing one."""
    return get_client_ip_address(request)
