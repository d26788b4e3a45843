"""The service's Prometheus metrics, written in the text exposition format by hand.

Four families are all the contract asks for (requests by route and status, conversion duration by
format, queue depth, worker restarts, plus busy and live workers), and writing them is a few lines:
`prometheus-client` would bring a process-global registry, which a server started twice in one
process (the tests) would have to work around. The counters live in one `Metrics` object the app owns.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Mapping
from dataclasses import dataclass, field

#: Upper bounds of the conversion-duration buckets, in seconds.
BUCKETS = (0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1.0, 2.5, 5.0, 10.0, 30.0, 60.0)


@dataclass
class Histogram:
    counts: list[int] = field(default_factory=lambda: [0] * len(BUCKETS))
    total: int = 0
    sum: float = 0.0

    def observe(self, seconds: float) -> None:
        for index, bound in enumerate(BUCKETS):
            if seconds <= bound:
                self.counts[index] += 1
        self.total += 1
        self.sum += seconds


@dataclass
class Metrics:
    """Counters the app updates on the event loop only (no locks needed)."""

    requests: Counter[tuple[str, int]] = field(default_factory=Counter)
    durations: dict[str, Histogram] = field(default_factory=dict)

    def count(self, route: str, status: int) -> None:
        self.requests[(route, status)] += 1

    def observe(self, formats: str, seconds: float) -> None:
        self.durations.setdefault(formats, Histogram()).observe(seconds)

    def render(self, *, queue_depth: int, busy: int, alive: int, restarts: Mapping[str, int]) -> str:
        lines = [
            "# HELP pressconv_requests_total HTTP requests answered, by route and status.",
            "# TYPE pressconv_requests_total counter",
        ]
        for (route, status), count in sorted(self.requests.items()):
            lines.append(f'pressconv_requests_total{{route="{_escape(route)}",status="{status}"}} {count}')
        lines += [
            "# HELP pressconv_conversion_seconds Time a worker took for a conversion, by output format(s).",
            "# TYPE pressconv_conversion_seconds histogram",
        ]
        for formats, histogram in sorted(self.durations.items()):
            label = f'format="{_escape(formats)}"'
            for bound, count in zip(BUCKETS, histogram.counts, strict=True):
                lines.append(f'pressconv_conversion_seconds_bucket{{{label},le="{bound}"}} {count}')
            lines.append(f'pressconv_conversion_seconds_bucket{{{label},le="+Inf"}} {histogram.total}')
            lines.append(f"pressconv_conversion_seconds_sum{{{label}}} {histogram.sum:.6f}")
            lines.append(f"pressconv_conversion_seconds_count{{{label}}} {histogram.total}")
        lines += [
            "# HELP pressconv_queue_depth Requests admitted and not yet converting (reading their body or waiting for a worker).",
            "# TYPE pressconv_queue_depth gauge",
            f"pressconv_queue_depth {queue_depth}",
            "# HELP pressconv_workers_busy Workers converting now.",
            "# TYPE pressconv_workers_busy gauge",
            f"pressconv_workers_busy {busy}",
            "# HELP pressconv_workers_alive Workers started and not being replaced.",
            "# TYPE pressconv_workers_alive gauge",
            f"pressconv_workers_alive {alive}",
            "# HELP pressconv_worker_restarts_total Workers replaced, by reason (timeout, crash, memory, recycle).",
            "# TYPE pressconv_worker_restarts_total counter",
        ]
        for reason in sorted({"timeout", "crash", "memory", "recycle", *restarts}):
            lines.append(f'pressconv_worker_restarts_total{{reason="{_escape(reason)}"}} {restarts.get(reason, 0)}')
        return "\n".join(lines) + "\n"


def _escape(value: str) -> str:
    return value.replace("\\", "\\\\").replace('"', '\\"').replace("\n", "\\n")
