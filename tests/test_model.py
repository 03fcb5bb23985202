"""The result objects keep the contract's keys through JSON and the store."""

from __future__ import annotations

from medreview.model import BBox, ExtractionResult, FieldResult


def _result(field: FieldResult) -> ExtractionResult:
    return ExtractionResult(
        source="a.png", document_type="prescription", layout="clinic-a", fields={"date": field}
    )


def test_second_reading_is_written_only_when_the_readers_disagree() -> None:
    agreeing = FieldResult("2023-03-14", 0.9, 0, BBox(1, 2, 3, 4), agreement=True)
    differing = FieldResult("2023-03-14", 0.9, agreement=False, second_reading="2023-08-14")
    unread = FieldResult("2023-03-14", 0.9)
    assert "second_reading" not in agreeing.to_json()
    assert agreeing.to_json()["agreement"] is True
    assert differing.to_json()["second_reading"] == "2023-08-14"
    assert unread.to_json()["agreement"] is None


def test_agreement_and_layout_round_trip_through_json() -> None:
    field = FieldResult("x", 0.5, agreement=False, second_reading="y")
    result = _result(field)
    back = ExtractionResult.from_json(result.to_json())
    assert back.layout == "clinic-a"
    assert back.fields["date"].agreement is False
    assert back.fields["date"].second_reading == "y"
    assert ExtractionResult.from_json(_result(FieldResult("x", 0.5)).to_json()).layout == "clinic-a"
