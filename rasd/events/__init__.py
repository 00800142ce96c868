"""Events: event records (PLOVER and ACLED types, actors, place, date, fatalities, modality, evidence).

``extract_events(annotated)`` is the stage's entry point; ``events_stage`` is its pipeline form.
"""

from __future__ import annotations

from rasd.events.extract import events_stage, extract_events, extract_events_from_text, throughput

__all__ = ["events_stage", "extract_events", "extract_events_from_text", "throughput"]
