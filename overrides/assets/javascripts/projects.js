// projects: progressive enhancement; the page is complete without it.
