"""Why a moderator's decision could not be carried out."""


class ModerationError(Exception):
    """The decision cannot be applied as it is; ``message`` says why, in French."""

    def __init__(self, message: str):
        super().__init__(message)
        self.message = message
