// "Copy" buttons of the "Cite this" section (templates/articles/includes/cite_this.html).
// Without this script, or without a clipboard the page may write to (plain http), the buttons
// stay hidden and the citations are ordinary text to select.
(function () {
    "use strict";

    var section = document.querySelector("[data-cite-this]");
    if (!section || !navigator.clipboard || !window.isSecureContext) {
        return;
    }
    var status = section.querySelector("[data-copy-status]");

    function announce(message) {
        // Emptied first so that a second copy of the same citation is announced again.
        status.textContent = "";
        window.setTimeout(function () {
            status.textContent = message;
        }, 50);
    }

    function selectText(element) {
        var range = document.createRange();
        range.selectNodeContents(element);
        var selection = window.getSelection();
        selection.removeAllRanges();
        selection.addRange(range);
    }

    function copy(source) {
        var text = source.textContent.replace(/\s+/g, " ").trim();
        if (window.ClipboardItem && navigator.clipboard.write) {
            // HTML as well, so that a word processor keeps the style's italics.
            var item = new window.ClipboardItem({
                "text/plain": new Blob([text], { type: "text/plain" }),
                "text/html": new Blob([source.innerHTML], { type: "text/html" }),
            });
            return navigator.clipboard.write([item]).catch(function () {
                return navigator.clipboard.writeText(text);
            });
        }
        return navigator.clipboard.writeText(text);
    }

    section.querySelectorAll("[data-copy-target]").forEach(function (button) {
        var source = document.getElementById(button.getAttribute("data-copy-target"));
        if (!source) {
            return;
        }
        button.hidden = false;
        button.addEventListener("click", function () {
            copy(source).then(
                function () {
                    announce(status.getAttribute("data-copied"));
                },
                function () {
                    // Refused by the browser: the text is selected for the reader to copy.
                    selectText(source);
                }
            );
        });
    });
})();
