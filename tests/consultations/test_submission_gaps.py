"""Input is taken only for hearings of published plans; the receipt's subject is plain text;
an attachment with a long file name is accepted."""

import pytest
from django.core import mail

from consultations.models import Submission
from plans.models import Role
from tests.consultations.page_helpers import pdf_upload, submission_data
from tests.helpers import member, open_hearing

pytestmark = pytest.mark.django_db


@pytest.fixture
def draft_hearing(make_plan):
    draft = make_plan(title="Skolebruksplan", is_published=False, shared_with_politicians=True)
    return open_hearing(draft, title="Høring av skolebruksplanen")


def test_a_politician_cannot_give_input_to_a_drafts_hearing(client, bbs, draft_hearing):
    client.force_login(member("politiker", bbs, Role.POLITICIAN))
    url = f"/horinger/{draft_hearing.pk}/"
    page = client.get(url)
    assert page.status_code == 200
    assert "Planen er ikke publisert ennå" in page.content.decode()
    assert page.context["form"] is None

    response = client.post(url, submission_data())
    assert response.status_code == 400
    assert "Planen er ikke publisert ennå" in response.content.decode()
    assert not Submission.objects.exists()
    assert mail.outbox == []


def test_the_public_cannot_reach_a_drafts_hearing(client, draft_hearing):
    url = f"/horinger/{draft_hearing.pk}/"
    assert client.get(url).status_code == 404
    assert client.post(url, submission_data()).status_code == 404
    assert not Submission.objects.exists()


def test_once_the_plan_is_published_the_hearing_takes_input(client, draft_hearing):
    plan = draft_hearing.plan
    plan.is_published = True
    plan.save()
    response = client.post(f"/horinger/{draft_hearing.pk}/", submission_data())
    assert response.status_code == 302
    assert Submission.objects.count() == 1


def test_the_receipt_subject_is_plain_text(client, make_plan):
    consultation = open_hearing(make_plan(), title='Barn & unge: "Skyfritt" <utkast>')
    client.post(f"/horinger/{consultation.pk}/", submission_data())
    [receipt] = mail.outbox
    reference = Submission.objects.get().reference
    assert receipt.subject == f'Innspill mottatt ({reference}): Barn & unge: "Skyfritt" <utkast>'


@pytest.mark.parametrize("length", [101, 255])
def test_an_attachment_with_a_long_name_is_accepted(client, make_plan, length):
    consultation = open_hearing(make_plan())
    name = "I" * (length - len(".pdf")) + ".pdf"
    data = submission_data(attachment=pdf_upload(name=name))
    response = client.post(f"/horinger/{consultation.pk}/", data)

    assert response.status_code == 302
    submission = Submission.objects.get()
    assert submission.attachment_type == "pdf"
    assert len(submission.attachment.name) <= 100  # the generated name stored
    assert len(submission.attachment_name) == 100
    assert submission.attachment_name.endswith("….pdf")
    assert submission.attachment.read().startswith(b"%PDF-")
