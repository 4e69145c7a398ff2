"""The game's screens in pygame: scenes on a stack, drawn from the session's state.

The UI draws what the engine and progress say and sends the trainee's input back; it never computes a
score. Everything that can be pure (layout arithmetic, text wrapping, settings, strings, the stack)
lives in modules without a window so it can be tested headless in milliseconds.
"""
