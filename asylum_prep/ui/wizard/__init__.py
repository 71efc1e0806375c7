"""The wizard on screen: one module per step of forms/, the answer boxes and the page body."""
