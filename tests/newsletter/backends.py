"""E-mail backends and an SMTP server that behave as the tests need."""

import contextlib
import socket
import threading
import time

from aiosmtpd.controller import Controller
from django.core.mail.backends.base import BaseEmailBackend


class WorkerKilled(BaseException):
    """What a worker killed mid-chunk looks like from inside: nothing catches it."""


class RecordingBackend(BaseEmailBackend):
    """Records who got what; can refuse addresses, pause, or « die » at the n-th message."""

    def __init__(self, *, refuse=None, crash_at=None, pause=0.0, **kwargs):
        super().__init__(**kwargs)
        self.sent: list[str] = []
        self.refuse = refuse or {}
        self.crash_at = crash_at
        self.pause = pause
        self.opened = 0
        self.closed = 0
        self.lock = threading.Lock()

    def open(self):
        self.opened += 1
        return True

    def close(self):
        self.closed += 1

    def send_messages(self, messages):
        for message in messages:
            [address] = message.to
            if self.crash_at is not None and len(self.sent) + 1 == self.crash_at:
                raise WorkerKilled
            if address in self.refuse:
                raise self.refuse[address]
            if self.pause:
                time.sleep(self.pause)
            with self.lock:
                self.sent.append(address)
        return len(messages)


class ConnectionCountingBackend(RecordingBackend):
    """Used through settings.EMAIL_BACKEND: every connection made is remembered."""

    instances: list = []

    def __init__(self, **kwargs):
        super().__init__(**kwargs)
        ConnectionCountingBackend.instances.append(self)


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


class Sink:
    """An SMTP server that keeps what it accepts and refuses some recipients."""

    def __init__(self, refuse: dict[str, str]):
        self.refuse = refuse
        self.received: list[tuple[list[str], bytes]] = []

    async def handle_RCPT(self, server, session, envelope, address, rcpt_options):
        if address in self.refuse:
            return self.refuse[address]
        envelope.rcpt_tos.append(address)
        return "250 OK"

    async def handle_DATA(self, server, session, envelope):
        self.received.append((list(envelope.rcpt_tos), envelope.content))
        return "250 Message accepted for delivery"


@contextlib.contextmanager
def smtp_server(settings, refuse: dict[str, str] | None = None):
    """A real SMTP server on a free local port, and Django's SMTP backend pointed at it."""
    sink = Sink(refuse or {})
    port = free_port()
    controller = Controller(sink, hostname="127.0.0.1", port=port)
    controller.start()
    try:
        settings.EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
        settings.EMAIL_HOST = "127.0.0.1"
        settings.EMAIL_PORT = port
        settings.EMAIL_USE_TLS = False
        settings.EMAIL_USE_SSL = False
        settings.EMAIL_HOST_USER = ""
        settings.EMAIL_HOST_PASSWORD = ""
        settings.EMAIL_TIMEOUT = 5
        yield sink
    finally:
        controller.stop()
