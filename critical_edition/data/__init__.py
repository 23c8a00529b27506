"""The data phase: the YAML files read, validated against their schemas and cross-checked.

It registers nothing with Sphinx: the edition's domain reads the apparatus
through :func:`.loading.read_and_report` once per build and keeps it.
"""
