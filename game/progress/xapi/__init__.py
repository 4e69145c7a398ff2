"""xAPI reporting: statements per attempt (``statements``), a disk outbox that never loses or repeats
them (``outbox``), and the HTTP client that delivers them to an LRS (``push``)."""
