"""kenniscentrum: the PIO knowledge centre, from Markdown content to a searchable site, feeds and open data."""

__version__ = "0.1.0"
