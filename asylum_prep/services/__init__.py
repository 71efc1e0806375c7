"""Use cases. Every function takes the store and the acting user, and checks access itself."""
