// Wagtail 8 autosaves the create form: its first autosave creates the page, and only when the
// answer arrives does the form post to the new page's edit view. "Publish" or "Save draft"
// clicked while that autosave is on its way posted the create form again, which then clashed
// with the page just created ("This slug is already in use"), twice (issue 19, item 4).
// Such a click is held until the autosave has answered, then made again: the form posts to the
// edit view, and there is one page. Registered by editorial/wagtail_hooks.py.
(() => {
  let autosaving = false;
  let waiting = [];
  const settle = () => {
    autosaving = false;
    const resume = waiting;
    waiting = [];
    resume.forEach((callback) => callback());
  };
  document.addEventListener('w-autosave:save', (event) => {
    if (!event.defaultPrevented) autosaving = true;
  });
  ['w-autosave:success', 'w-autosave:error', 'w-autosave:deactivated'].forEach((name) =>
    document.addEventListener(name, settle),
  );
  document.addEventListener(
    'submit',
    (event) => {
      const form = event.target;
      if (!autosaving || !form.matches('[data-controller~="w-autosave"]')) return;
      event.preventDefault();
      event.stopImmediatePropagation();
      // The button's name and value ("action-publish") go with the form as a hidden field: the
      // clicked button has been disabled by its progress indicator, and the autosave's answer
      // may redraw the footer.
      const { name = '', value = '' } = event.submitter || {};
      waiting.push(() => {
        if (name) {
          form.append(Object.assign(document.createElement('input'), { type: 'hidden', name, value }));
        }
        form.requestSubmit();
      });
    },
    true,
  );
})();
