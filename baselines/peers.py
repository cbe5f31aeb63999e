"""Peer extractors on the HTML track (optional extra `newsbench[peers]`); filled in with the peers issue."""
