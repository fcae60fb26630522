from .pages import NewsletterArchivePage, NewsletterIssuePage, NewsletterPage
from .sending import Delivery, DeliveryStatus, Dispatch, DispatchStatus
from .subscribers import (
    ConsentAction,
    ConsentRecord,
    Subscriber,
    SubscriberKind,
    SubscriberStatus,
    normalise_email,
)

__all__ = [
    "ConsentAction",
    "ConsentRecord",
    "Delivery",
    "DeliveryStatus",
    "Dispatch",
    "DispatchStatus",
    "NewsletterArchivePage",
    "NewsletterIssuePage",
    "NewsletterPage",
    "Subscriber",
    "SubscriberKind",
    "SubscriberStatus",
    "normalise_email",
]
