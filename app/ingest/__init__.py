"""Ingestion: file -> read -> clean -> dating -> extract -> merge -> store, one stage a module."""
