"""The guided wizard: one module per step (questions as data, input model, render)."""
