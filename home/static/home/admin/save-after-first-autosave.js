// Wagtail autosaves a new page by creating it, then points the form at the page it created.
// A "Save" (or "Submit", or Ctrl+S) pressed before that first autosave has answered went to the
// "create" address too, and made a second draft of the same piece. This holds such a press until
// the autosave has answered, then sends it where the form points by then.
(() => {
    "use strict";

    const form = document.querySelector("form[data-controller~='w-autosave']");
    // Wagtail's create addresses are …/pages/add/… and …/snippets/…/add/; on an edit form a
    // press during an autosave only makes one more revision.
    if (!form || !new URL(form.action).pathname.split("/").includes("add")) return;
    const createUrl = form.action;
    let creating = false;
    let held = null;

    function sendHeldPress() {
        creating = false;
        if (held === null) return;
        if (held.name) {
            // Wagtail has disabled the pressed button to show it is busy, and a disabled button
            // sends no value: send its choice ("publish", "submit") in a field instead.
            const choice = Object.assign(document.createElement("input"), {
                type: "hidden",
                name: held.name,
                value: held.value,
            });
            form.append(choice);
        }
        held = null;
        form.requestSubmit();
    }

    // On window, so Wagtail's own listeners have had their chance to cancel the autosave.
    window.addEventListener("w-autosave:save", (event) => {
        if (!event.defaultPrevented && form.action === createUrl) creating = true;
    });
    window.addEventListener("w-autosave:success", sendHeldPress);
    window.addEventListener("w-autosave:error", sendHeldPress);

    // Capturing on window comes before every listener on the form.
    window.addEventListener(
        "submit",
        (event) => {
            if (event.target !== form || !creating) return;
            event.preventDefault();
            event.stopImmediatePropagation();
            held = { name: event.submitter?.name ?? "", value: event.submitter?.value ?? "" };
        },
        true,
    );
})();
