"""The MkDocs and Pagefind adapter of the site generator (the core is `sitegen/`).

Everything that knows the host lives here: the build's orchestration (build.py), the pages
written for MkDocs to read (generated.py), the MkDocs configuration a project is built with
(configs.py), the sitemap and the search index over the built site (postbuild.py, search.py),
the live preview (serve/) and the starter project (new_project.py, starter/). The MkDocs hooks
themselves are in hooks/site.py, beside this folder. `sitegen/` imports nothing from here.
"""
