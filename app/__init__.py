"""Peace Talks Timeline: dated events read from news articles, served as a timeline and a JSON API."""
