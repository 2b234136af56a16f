"""Search: the guidance's paragraphs in the search index, and a search worker that waits on the checklist page."""
