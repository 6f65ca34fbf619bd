"""Item models, columns, delegates, charts and the timeline the pages are made of."""
