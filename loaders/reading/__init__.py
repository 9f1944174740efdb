"""Files → text → paragraphs: formats recognised by content, decoding, input limits, normalised paragraphs."""
