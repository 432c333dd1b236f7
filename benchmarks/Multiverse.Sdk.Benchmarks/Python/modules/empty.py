"""Does nothing: measures what starting a Python process costs."""
