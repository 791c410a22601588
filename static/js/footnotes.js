// Footnote previews: hovering or focusing a footnote reference shows its note beside it.
// Progressive enhancement: without this script a reference is a plain link to its note, and the
// note links back (templates/articles/includes/footnotes.html). The preview never scrolls the
// page or moves focus; Escape hides it; the pointer may move onto it to read or select the text
// (WCAG 1.4.13, content on hover or focus).
(function () {
    "use strict";

    var HIDE_DELAY_MS = 200;
    var GAP_PX = 6;
    var MARGIN_PX = 8;

    var references = document.querySelectorAll('.footnote-ref a[href^="#"]');
    if (!references.length) {
        return;
    }

    var preview = document.createElement("div");
    preview.id = "footnote-preview";
    preview.className = "footnote-preview";
    preview.setAttribute("role", "tooltip");
    preview.hidden = true;
    document.body.appendChild(preview);

    var current = null;
    var hideTimer = null;

    function noteFor(reference) {
        var id = decodeURIComponent(reference.getAttribute("href").slice(1));
        return id ? document.getElementById(id) : null;
    }

    // A copy of the note's text, without its back-links: its dir and its isolated runs
    // (<bdi>, ankasam/core/bidi.py) come with it, so a Persian note reads right to left. Its links stay out of the tab order: the preview
    // disappears as soon as focus moves on.
    function fillWith(note) {
        var text = note.querySelector(".footnote__text");
        if (!text) {
            return false;
        }
        var copy = text.cloneNode(true);
        copy.removeAttribute("id");
        copy.querySelectorAll("[id]").forEach(function (element) {
            element.removeAttribute("id");
        });
        copy.querySelectorAll("a, button, input, select, textarea, [tabindex]").forEach(function (element) {
            element.setAttribute("tabindex", "-1");
        });
        preview.replaceChildren(copy);
        return true;
    }

    // Below the reference, or above it when the window has no room below; kept inside the
    // window's width so a phone never gains a sideways scroll.
    function place(reference) {
        preview.style.left = "0px";
        preview.style.top = "0px";
        var anchor = reference.getBoundingClientRect();
        var box = preview.getBoundingClientRect();
        var viewportWidth = document.documentElement.clientWidth;
        var left = getComputedStyle(reference).direction === "rtl" ? anchor.right - box.width : anchor.left;
        left = Math.max(MARGIN_PX, Math.min(left, viewportWidth - box.width - MARGIN_PX));
        var top = anchor.bottom + GAP_PX;
        if (top + box.height > window.innerHeight && anchor.top - GAP_PX - box.height >= 0) {
            top = anchor.top - GAP_PX - box.height;
        }
        preview.style.left = left + window.scrollX + "px";
        preview.style.top = top + window.scrollY + "px";
    }

    function show(reference) {
        window.clearTimeout(hideTimer);
        if (current === reference && !preview.hidden) {
            return;
        }
        hide();
        var note = noteFor(reference);
        if (!note || !fillWith(note)) {
            return;
        }
        current = reference;
        current.dataset.describedby = current.getAttribute("aria-describedby") || "";
        current.setAttribute("aria-describedby", preview.id);
        preview.hidden = false;
        place(reference);
    }

    function hide() {
        window.clearTimeout(hideTimer);
        preview.hidden = true;
        if (current) {
            if (current.dataset.describedby) {
                current.setAttribute("aria-describedby", current.dataset.describedby);
            } else {
                current.removeAttribute("aria-describedby");
            }
            delete current.dataset.describedby;
            current = null;
        }
    }

    function hideSoon() {
        window.clearTimeout(hideTimer);
        hideTimer = window.setTimeout(hide, HIDE_DELAY_MS);
    }

    references.forEach(function (reference) {
        reference.addEventListener("mouseenter", function () {
            show(reference);
        });
        reference.addEventListener("mouseleave", hideSoon);
        reference.addEventListener("focus", function () {
            show(reference);
        });
        reference.addEventListener("blur", hide);
        // Following the link goes to the note itself: the preview has done its work.
        reference.addEventListener("click", hide);
    });

    preview.addEventListener("mouseenter", function () {
        window.clearTimeout(hideTimer);
    });
    preview.addEventListener("mouseleave", hideSoon);

    document.addEventListener("keydown", function (event) {
        if (event.key === "Escape" && !preview.hidden) {
            hide();
        }
    });
    window.addEventListener("resize", function () {
        if (current) {
            place(current);
        }
    });
})();
