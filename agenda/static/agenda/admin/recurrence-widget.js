// Start django-recurrence's widget in the Wagtail page editor. Its own start-up script needs
// the Django admin (django.jQuery, a #container element); the widget itself needs neither.
(function () {
    function start() {
        document.querySelectorAll("textarea.recurrence-widget").forEach(function (textarea) {
            if (textarea.dataset.recurrenceStarted || textarea.id.indexOf("__prefix__") !== -1) {
                return;
            }
            textarea.dataset.recurrenceStarted = "true";
            new recurrence.widget.Widget(textarea.id, {});
        });
    }
    if (document.readyState === "loading") {
        document.addEventListener("DOMContentLoaded", start);
    } else {
        start();
    }
})();
