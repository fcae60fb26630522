from django.test import RequestFactory, override_settings

from core.client import client_ip, truncated_ip

factory = RequestFactory()


def request_from(peer, forwarded=None):
    extra = {"REMOTE_ADDR": peer}
    if forwarded is not None:
        extra["HTTP_X_FORWARDED_FOR"] = forwarded
    return factory.get("/", **extra)


def test_without_proxy_the_peer_is_the_client_whatever_the_header_says():
    assert client_ip(request_from("203.0.113.7", "198.51.100.1")) == "203.0.113.7"


@override_settings(TRUSTED_PROXIES=["10.0.0.0/8"])
def test_behind_a_trusted_proxy_the_rightmost_untrusted_hop_is_the_client():
    # The client forged the leftmost entry; the proxy appended the real address.
    request = request_from("10.0.0.2", "1.2.3.4, 203.0.113.7, 10.0.0.3")
    assert client_ip(request) == "203.0.113.7"


@override_settings(TRUSTED_PROXIES=["10.0.0.0/8"])
def test_a_garbage_header_falls_back_to_the_proxy_address():
    assert client_ip(request_from("10.0.0.2", "not-an-ip")) == "10.0.0.2"


def test_truncated_addresses_keep_only_the_network():
    assert truncated_ip("203.0.113.77") == "203.0.113.0"
    assert truncated_ip("2001:db8:abcd:12::1") == "2001:db8:abcd::"
    assert truncated_ip("nonsense") == ""
