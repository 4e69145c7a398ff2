"""One module per screen; each scene handles events, advances time in ``update`` and only reads in ``draw``."""
