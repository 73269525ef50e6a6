"""Mail to the people who send hearing input: a receipt with a copy of what they sent.

A receipt that cannot be sent is logged and left: the input is already saved, and the receipt
page in the browser carries the same reference number. That holds for every way sending can fail
(a relay that is down, a mail backend set up wrongly, a folder that cannot be written), since
a 500 after the input is saved makes people send it again.
"""

import logging

from django.core.mail import send_mail
from django.template.loader import render_to_string

logger = logging.getLogger(__name__)


def send_receipt(submission, *, hearing_url):
    """Mail the submitter the reference, the deadline and a copy of the input; True if sent."""
    context = {
        "submission": submission,
        "consultation": submission.consultation,
        "hearing_url": hearing_url,
    }
    subject = render_to_string("consultations/email/receipt_subject.txt", context)
    body = render_to_string("consultations/email/receipt.txt", context)
    try:
        send_mail(" ".join(subject.split()), body, None, [submission.email])
    except Exception:  # whatever failed, the input is saved and the page must say so
        logger.exception("Receipt for hearing input %s was not sent", submission.reference)
        return False
    return True
