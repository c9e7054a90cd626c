"""The readability panel in the article form: hints while a resident editor writes."""

from django.utils.translation import gettext_lazy as _

from wagtail.admin.panels import Panel

from .readability import LONG_SENTENCE, analyse

MESSAGES = {
    "b1": _("Easy to read (about B1). Well done!"),
    "almost": _("Almost easy to read. Make a few sentences or words shorter."),
    "hard": _("Hard to read. Use shorter sentences and simpler words."),
    "empty": _("Start writing. Tips appear here while you write."),
    "long_sentence": _("Long sentence: “%(start)s” Can you make two sentences of it?"),
    "long_words": _("Long words: %(words)s. Is there a shorter word?"),
    "unsupported": _("Tips are only given for pieces in Dutch."),
}


class ReadabilityPanel(Panel):
    """Shows the hints of buurtkrant.readability for the saved text; the admin script
    readability.js updates them while the editor types."""

    class BoundPanel(Panel.BoundPanel):
        template_name = "buurtkrant/admin/readability_panel.html"

        def get_context_data(self, parent_context=None):
            context = super().get_context_data(parent_context)
            language = self.instance.locale.language_code
            messages = {key: str(message) for key, message in MESSAGES.items()}
            result = analyse(self.instance.text_blocks(), language)
            context.update(
                {
                    "language": language,
                    "result": result,
                    "level_message": messages.get(result.level or "empty"),
                    "long_sentence_messages": [
                        messages["long_sentence"] % {"start": start}
                        for start in result.long_sentences
                    ],
                    "long_words_message": messages["long_words"]
                    % {"words": ", ".join(result.long_words)},
                    "messages": messages,
                    "long_sentence_limit": LONG_SENTENCE,
                }
            )
            return context
