from .display import display_choices


def display(request):
    """The visitor's text size and contrast, for the <html> element of every page."""
    text_size, contrast = display_choices(request)
    return {"text_size": text_size, "contrast": contrast}
