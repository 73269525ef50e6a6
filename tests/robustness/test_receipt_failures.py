"""Any failure to mail a receipt is handled as a relay that is down: logged, input kept, and the
page says no mail was sent. The file backend the README suggests works out of the box."""

import pytest

from consultations.models import Submission
from tests.consultations.page_helpers import submission_data
from tests.helpers import open_hearing
from tests.test_settings import run_manage

pytestmark = pytest.mark.django_db

FILE_BACKEND = "django.core.mail.backends.filebased.EmailBackend"


@pytest.fixture
def consultation(make_plan):
    return open_hearing(make_plan(title="Skolebruksplan"), title="Høring av skolebruksplanen")


def send(client, consultation):
    return client.post(f"/horinger/{consultation.pk}/", submission_data(), follow=True)


def test_the_file_backend_without_a_folder_loses_no_input(client, consultation, settings, caplog):
    settings.EMAIL_BACKEND = FILE_BACKEND
    del settings.EMAIL_FILE_PATH
    response = send(client, consultation)
    submission = Submission.objects.get()
    html = response.content.decode()
    assert response.status_code == 200
    assert submission.reference in html
    assert "Vi fikk ikke sendt kvittering på e-post" in html
    assert f"Receipt for hearing input {submission.reference} was not sent" in caplog.text


def test_the_file_backend_writes_the_receipt_to_the_configured_folder(
    client, consultation, settings, tmp_path
):
    settings.EMAIL_BACKEND = FILE_BACKEND
    settings.EMAIL_FILE_PATH = tmp_path
    response = send(client, consultation)
    assert "Vi har også sendt en kvittering" in response.content.decode()
    [written] = list(tmp_path.iterdir())
    assert Submission.objects.get().reference in written.read_text()


def test_the_mail_folder_is_read_from_the_environment(tmp_path):
    result = run_manage(
        "shell",
        "-c",
        "from django.conf import settings; print(settings.EMAIL_FILE_PATH)",
        DJANGO_DEBUG="1",
        DJANGO_EMAIL_FILE_PATH=str(tmp_path),
    )
    assert result.stdout.strip().splitlines()[-1] == str(tmp_path), result.stderr
