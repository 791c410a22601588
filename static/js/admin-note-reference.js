// "Footnote" in the article body's toolbar and "/" menu (issue 19, item 3): it types the
// next free reference, [^N], at the cursor, adds note N to the footnotes of the same language and
// puts the cursor in that note's text. One click instead of +, label, text and typing [^N].
// Registered as a Draftail entity type by articles/wagtail_hooks.py; no build step, so no JSX.
(() => {
  const { React, DraftJS } = window;
  const REFERENCE = /\[\^(\d+)\]/g;
  const BODY_INPUT = /^body_([A-Za-z-]+)-/;
  const BODY_VALUE = 'input[type="hidden"][name^="body_"][name$="-value"]';

  const highestNumber = (texts) =>
    texts.reduce((highest, text) => {
      for (const match of text.matchAll(REFERENCE)) highest = Math.max(highest, Number(match[1]));
      return highest;
    }, 0);

  // The next number no note and no reference of this language uses yet: references typed
  // before their note exists count too, so two clicks never make the same label.
  const nextLabel = (form, language, currentText) => {
    const bodies = [...form.querySelectorAll(BODY_VALUE)].filter((input) => input.name.startsWith(`body_${language}-`));
    const labels = [...form.querySelectorAll(`input[name^="footnotes_${language}-"][name$="-value-label"]`)]
      .map((input) => input.value.trim())
      .filter((label) => /^\d+$/.test(label))
      .map(Number);
    const highest = Math.max(
      0,
      ...labels,
      highestNumber([currentText, ...bodies.map((input) => input.value)]),
    );
    return String(highest + 1);
  };

  const whenPresent = (find, then, attempts = 120) => {
    const found = find();
    if (found) then(found);
    else if (attempts > 0) requestAnimationFrame(() => whenPresent(find, then, attempts - 1));
  };

  const openPanel = (element) => {
    const toggle = element.closest('[data-panel]')?.querySelector('[data-panel-toggle][aria-expanded="false"]');
    if (toggle) toggle.click();
  };

  // Wagtail's own "+" at the end of the stream: a stream of one block type inserts it directly.
  const addNote = (stream, label, body) => {
    let waited = 30;
    const children = () => stream.querySelectorAll('[data-streamfield-stream-container] > [data-streamfield-child]');
    const before = children().length;
    const adders = stream.querySelectorAll('.c-sf-add-button');
    if (!adders.length) return;
    openPanel(stream);
    adders[adders.length - 1].click();
    whenPresent(
      () => (children().length > before ? children()[children().length - 1] : null),
      (note) => {
        const labelInput = note.querySelector('[data-contentpath="label"] input');
        labelInput.value = label;
        labelInput.dispatchEvent(new Event('input', { bubbles: true }));
        labelInput.dispatchEvent(new Event('change', { bubbles: true }));
        // Draftail gives the focus back to the body when the source is done, a few frames on:
        // the note's text takes it after that.
        whenPresent(
          () => {
            const text = note.querySelector('[data-contentpath="text"] [contenteditable="true"]');
            return text && (body.contains(document.activeElement) || !waited--) ? text : null;
          },
          (text) => {
            note.scrollIntoView({ block: 'center' });
            text.focus();
          },
        );
      },
    );
  };

  // Draftail renders an entity's "source" when its button (or its "/" command) is chosen. This
  // one makes no entity: it types the reference, adds the note and hands the editor back.
  const AddNoteSource = ({ editorState, onComplete }) => {
    const marker = React.useRef(null);
    React.useEffect(() => {
      const wrapper = marker.current?.closest('[data-draftail-editor-wrapper]');
      const input = wrapper?.parentElement?.querySelector(BODY_VALUE);
      const language = input && BODY_INPUT.exec(input.name)?.[1];
      const stream = input?.form?.querySelector(`[data-field][data-contentpath="footnotes_${language}"]`);
      if (!stream) {
        onComplete(editorState);
        return;
      }
      const label = nextLabel(input.form, language, editorState.getCurrentContent().getPlainText());
      // After the selected words, not over them: the reference follows what it supports.
      const selection = editorState.getSelection();
      const end = selection.merge({
        anchorKey: selection.getEndKey(),
        anchorOffset: selection.getEndOffset(),
        focusKey: selection.getEndKey(),
        focusOffset: selection.getEndOffset(),
        isBackward: false,
      });
      const content = DraftJS.Modifier.insertText(editorState.getCurrentContent(), end, `[^${label}]`);
      onComplete(DraftJS.EditorState.push(editorState, content, 'insert-characters'));
      addNote(stream, label, wrapper);
    }, []);
    return React.createElement('span', { ref: marker, hidden: true });
  };

  window.draftail.registerPlugin({ type: 'NOTE_REFERENCE', source: AddNoteSource }, 'entityTypes');
})();
