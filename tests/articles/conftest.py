import os

import pytest
from django.core.cache import cache
from django.utils import translation

from ankasam.articles import pdf


@pytest.fixture
def pdf_queue_forgotten():
    """Page and revision ids repeat between tests: a render noted as queued must not carry over."""
    cache.clear()


@pytest.fixture
def weasyprint(pdf_queue_forgotten):
    """PDFs are really rendered: skipped without WeasyPrint's system libraries, except in CI."""
    problem = pdf.pdf_problem()
    if problem:
        if os.environ.get("CI"):
            pytest.fail(f"{problem}; .ci/run installs pango (see README)")
        pytest.skip(problem)


@pytest.fixture
def fake_renderer(monkeypatch, pdf_queue_forgotten):
    """Counts renders and makes a tiny PDF per revision, so the cache can be watched without WeasyPrint."""
    calls = []

    def render(article):
        calls.append((article.pk, translation.get_language(), article.live_revision_id))
        return f"%PDF-1.7 fake of revision {article.live_revision_id}".encode()

    monkeypatch.setattr(pdf, "pdf_problem", lambda: None)
    monkeypatch.setattr(pdf, "render_article_pdf", render)
    return calls
