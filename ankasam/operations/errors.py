class BackupError(Exception):
    """A backup or restore that cannot go on; the message says why and what was left as it was."""
