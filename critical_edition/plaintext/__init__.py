"""The plain-text phase: how the text builder shows the edition's nodes."""
