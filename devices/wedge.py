"""Telling a keyboard-wedge scanner from a person by keystroke timing (DEVC-2), without Qt.

A wedge scanner "types" a whole barcode in a burst: a few milliseconds per key, usually ending with Enter.
People type at 80-250 ms per key, and even a fast typist does not keep six keys under 30 ms. So keys are
held while they come fast; when the chain ends (a slow gap, the suffix, or nothing more arriving), a chain
of at least `min_length` data characters is a scan and anything shorter was typing, released unchanged and
in order. The cost for typing is at most `max_interkey_ms` of delay per key, too little to notice.

An optional `prefix` (configured on the scanner) makes the decision certain: a chain that does not start
with it is released at once. The `suffix` ends a scan immediately instead of after the timeout; prefix and
suffix are not part of the scan data. The detector is fed characters with timestamps in milliseconds and
answers with decisions about the keys it holds, oldest first; `KeyboardWedgeFilter` (wedge_filter.py)
turns those into swallowed or re-delivered Qt key events.
"""

from __future__ import annotations

from domain.scanners import Decision, ReleaseTyping, ScanBurst

__all__ = ["Decision", "ReleaseTyping", "ScanBurst", "WedgeBurstDetector"]


class WedgeBurstDetector:
    def __init__(
        self,
        *,
        max_interkey_ms: float = 30.0,
        min_length: int = 6,
        prefix: str | None = None,
        suffix: str | None = "\r",
    ) -> None:
        if max_interkey_ms <= 0 or min_length < 1:
            raise ValueError("max_interkey_ms must be positive and min_length at least 1")
        self.max_interkey_ms = max_interkey_ms
        self.min_length = min_length
        self.prefix = prefix or ""
        self.suffix = suffix or ""
        self._chars: list[str] = []
        self._last_ms = 0.0

    @property
    def held(self) -> int:
        return len(self._chars)

    def key(self, char: str, timestamp_ms: float) -> list[Decision]:
        """A character arrived; what to do with the keys held so far (and possibly this one)."""
        decisions: list[Decision] = []
        if self._chars and timestamp_ms - self._last_ms > self.max_interkey_ms:
            decisions += self.flush()
        self._chars.append(char)
        self._last_ms = timestamp_ms
        text = "".join(self._chars)
        if self.prefix and not (text.startswith(self.prefix) or self.prefix.startswith(text)):
            return [*decisions, *self._release()]
        if self.suffix and text.endswith(self.suffix):
            data = text[len(self.prefix) : len(text) - len(self.suffix)]
            if len(data) >= self.min_length:
                self._chars = []
                return [*decisions, ScanBurst(len(text), data)]
        return decisions

    def touch(self, timestamp_ms: float) -> list[Decision]:
        """A key that adds no character but belongs to the chain (the Shift a wedge presses for a capital, Alt
        and the keypad digits of an Alt+029 GS): the gap is measured from it, so a scan with such keys in it
        is not split by them. Past the gap, the chain is over."""
        if not self._chars:
            return []
        if timestamp_ms - self._last_ms > self.max_interkey_ms:
            return self.flush()
        self._last_ms = timestamp_ms
        return []

    def flush(self) -> list[Decision]:
        """The chain is over (a slow gap, a timeout, or a key that is not text): decide what it was."""
        if not self._chars:
            return []
        text = "".join(self._chars)
        data = text[len(self.prefix) :] if self.prefix and text.startswith(self.prefix) else None
        if not self.prefix:
            data = text
        if data is not None and self.suffix and data.endswith(self.suffix):
            data = data[: -len(self.suffix)]
        if data is not None and len(data) >= self.min_length:
            self._chars = []
            return [ScanBurst(len(text), data)]
        return self._release()

    def _release(self) -> list[Decision]:
        count, self._chars = len(self._chars), []
        return [ReleaseTyping(count)] if count else []
