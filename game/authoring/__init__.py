"""Tools for trainers that judge a scenario by playing it: lint, transcript tests, the graph, lines.

They sit above both the scenario model and the engine: imports flow game.scenario → game.engine →
game.authoring, never back, so the loader stays free of play and the engine free of tooling.
"""
