"""Checks on an imported piece as the reader gets it."""

import re


def assert_notes_linked_both_ways(html: str, count: int):
    """Each note n has a reference pointing at it and a back link to that reference."""
    for number in range(1, count + 1):
        references = re.findall(
            rf'<sup class="footnote-ref" id="(fnref-{number}(?:-\d+)?)"><a href="#fn-{number}"', html
        )
        assert references, f"no reference to note {number}"
        note = re.search(rf'<li id="fn-{number}" class="footnote"[^>]*>(.*?)</li>', html, re.S)
        assert note, f"no note {number}"
        for reference in references:
            assert f'href="#{reference}"' in note.group(1), f"note {number} does not link back to {reference}"
