"""The bundled dictionary, installed as the resource package `speller.dictionaries`.

This folder holds data only (see README.md); this file makes it a package so that
`importlib.resources.files("speller.dictionaries")` finds it in every kind of install.
"""
