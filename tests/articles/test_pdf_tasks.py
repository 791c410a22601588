"""Article PDFs are made by a task when the piece is published; readers only read stored files."""

import math
import time

import pytest
from django.core.files.storage import default_storage
from django.utils import translation
from django_tasks import TaskResultStatus, default_task_backend

from ankasam.articles import pdf

from .factories import create_article, written_in
from .pdfs import pdf_address

pytestmark = pytest.mark.django_db

RENDER = "ankasam.articles.tasks.render_article_pdfs"


@pytest.fixture
def pdfs_on_publish(settings):
    settings.ARTICLE_PDFS_ON_PUBLISH = True


@pytest.fixture
def queue_that_never_runs(settings):
    """A worker that has not got to the task yet."""
    settings.TASKS = {"default": {"BACKEND": "django_tasks.backends.dummy.DummyBackend"}}
    return default_task_backend


@pytest.fixture
def pauses(monkeypatch):
    """The reader's waits, recorded instead of slept."""
    waited = []
    monkeypatch.setattr(pdf, "pause", waited.append)
    return waited


def renders_queued(backend) -> list:
    return [result.args for result in backend.results if result.task.module_path == RENDER]


def stored(article, language="en") -> bytes | None:
    article.refresh_from_db()
    return pdf.read_stored_pdf(pdf.pdf_storage_name(article, language))


def test_publishing_renders_each_language_and_the_first_reader_gets_the_stored_file(
    client, article_index, fake_renderer, pdfs_on_publish
):
    article = create_article(article_index, translations=written_in("Ferries", "en", "tr"))

    assert sorted(language for _pk, language, _revision in fake_renderer) == ["en", "tr"]
    assert stored(article, "en") and stored(article, "tr")
    response = client.get(pdf_address(article, "tr"))

    assert response.status_code == 200
    assert response.content == stored(article, "tr")
    assert len(fake_renderer) == 2, "the download read the stored file"


def test_a_new_revision_is_rendered_when_published_and_replaces_the_old_one(
    article_index, fake_renderer, pdfs_on_publish
):
    article = create_article(article_index)
    first_revision = article.live_revision_id

    article.standfirst_en = "A new summary."
    article.save_revision().publish()
    article.refresh_from_db()

    assert [revision for _pk, _language, revision in fake_renderer] == [
        first_revision,
        article.live_revision_id,
    ]
    assert pdf.stored_pdf_names(article.pk) == [pdf.pdf_storage_name(article, "en")]


def test_a_language_the_piece_loses_loses_its_pdf(article_index, fake_renderer, pdfs_on_publish):
    article = create_article(article_index, translations=written_in("Ferries", "en", "tr"))

    article.title_tr, article.body_tr, article.footnotes_tr = "", [], []
    article.save_revision().publish()
    article.refresh_from_db()

    assert pdf.stored_pdf_names(article.pk) == [pdf.pdf_storage_name(article, "en")]


def test_drafts_and_withdrawn_pieces_get_no_pdf(article_index, fake_renderer, pdfs_on_publish):
    from ankasam.articles.tasks import render_article_pdfs

    draft = create_article(article_index, live=False)
    withdrawn = create_article(article_index)
    withdrawn.unpublish()
    fake_renderer.clear()

    results = [render_article_pdfs.enqueue(page.pk) for page in (draft, withdrawn)]

    assert [result.return_value for result in results] == [[], []]
    assert fake_renderer == []
    assert pdf.stored_pdf_names(draft.pk) == pdf.stored_pdf_names(withdrawn.pk) == []


def test_without_weasyprint_publishing_queues_nothing(
    article_index, pdfs_on_publish, queue_that_never_runs, monkeypatch
):
    monkeypatch.setattr(pdf, "pdf_problem", lambda: "cannot load library 'libpango-1.0-0'")

    create_article(article_index)

    assert renders_queued(queue_that_never_runs) == []


# A reader who comes before the worker


def test_a_pdf_not_ready_is_queued_once_and_answered_503_within_the_wait(
    client, article_index, fake_renderer, queue_that_never_runs, pauses
):
    article = create_article(article_index, translations=written_in("Ferries", "en", "tr"))

    first = client.get(pdf_address(article, "tr"))
    client.get(pdf_address(article, "tr"))

    assert first.status_code == 503
    assert first["Retry-After"] == str(pdf.RETRY_AFTER_SECONDS)
    assert "no-store" in first["Cache-Control"]
    with translation.override("tr"):
        expected = translation.gettext("The PDF is being prepared. Please try again in a moment.")
    assert first.content.decode() == expected != "The PDF is being prepared. Please try again in a moment."
    assert len(pauses) == 2 * math.ceil(pdf.WAIT_SECONDS / pdf.POLL_SECONDS)
    assert sum(pauses) <= 2 * pdf.WAIT_SECONDS
    assert renders_queued(queue_that_never_runs) == [[article.pk]], "queued by the first reader only"
    assert fake_renderer == []


def test_a_waiting_reader_gets_the_pdf_as_soon_as_the_worker_stores_it(
    client, article_index, fake_renderer, queue_that_never_runs, monkeypatch
):
    article = create_article(article_index)
    waited = []

    def worker_finishes_during_the_second_wait(seconds):
        waited.append(seconds)
        if len(waited) == 2:
            pdf.store_article_pdf(article, "en")

    monkeypatch.setattr(pdf, "pause", worker_finishes_during_the_second_wait)

    response = client.get(pdf_address(article))

    assert response.status_code == 200
    assert response.content.startswith(b"%PDF-")
    assert waited == [pdf.POLL_SECONDS] * 2


def test_the_worker_renders_after_publish_and_the_first_reader_gets_it_in_under_a_second(
    client, article_index, database_queue, weasyprint, pdfs_on_publish, monkeypatch
):
    article = create_article(article_index, translations=written_in("Ferries", "en", "tr"))
    (queued,) = database_queue.rows(RENDER)
    assert queued.status == TaskResultStatus.READY and stored(article) is None

    database_queue.run_due_tasks()
    queued.refresh_from_db()
    assert queued.status == TaskResultStatus.SUCCESSFUL
    assert queued.return_value == ["en", "tr"]
    renders_during_requests = []
    monkeypatch.setattr(pdf, "render_article_pdf", renders_during_requests.append)
    started = time.perf_counter()
    response = client.get(pdf_address(article))
    elapsed = time.perf_counter() - started

    assert response.status_code == 200
    assert response.content.startswith(b"%PDF-")
    assert response.content == stored(article)
    assert default_storage.exists(pdf.pdf_storage_name(article, "tr"))
    assert renders_during_requests == []
    assert elapsed < 1.0


def test_a_stored_copys_language_is_read_from_its_name():
    assert pdf.stored_language("pdf/5/tr-r12-v1-0123456789abcdef.pdf") == "tr"
    assert pdf.stored_language("pdf/5/pt-br-r12-v1-0123456789abcdef.pdf") == "pt-br"
    assert pdf.stored_language("pdf/5/tr-r12-v1-0123456789abcdef_AbC1234.pdf") is None
