"""Small drawing and input pieces shared by the scenes; they work in the 1280x720 design space."""
