"""Layout families: the same kind of document drawn as different forms.

A family is a module with two functions:

* ``document(document_type, rnd, *, handwriting, font) -> (fields, extras, style)``: random
  content (canonical ground truth plus what else the page prints) and a JSON-serialisable style,
  all drawn from the seeded ``random.Random``;
* ``render_pages(document_type, fields, extras, style, *, dpi, pages) -> [PIL.Image]``: the clean
  pages, drawn again exactly from the same three objects;

and ``random_style(document_type, rnd, *, handwriting, font)`` for a truth that has none.

The families (``FAMILIES``): ``classic`` (the generator's first layout, labels left of their
values), ``labels_above`` (the printed form of ``shared/spec/documents.md``), ``pad`` (a
handwritten pad on rules with circled choices), ``grid`` (ruled cells with corner labels and
check boxes), ``dotted`` (values after dotted leaders in numbered sections; the previous
round's held-out family, now tuned), ``captions`` (values on rules with captions under them; held
out two rounds before, now tuned), ``datasheet`` (a clinic's data sheet and letter-style
prescription; held out two rounds before, now tuned), ``bilingual`` (a community clinic's
bilingual registration form and a security prescription pad; held out two rounds before, now
tuned), ``travel`` (a travel clinic's questionnaire of ruled tables in legend boxes and a
faxed pharmacy order form; held out two rounds before, now tuned), ``nursing`` (a nursing
facility's admission record and an emergency department's discharge prescription; held out two
rounds before, now tuned), ``camp`` (a summer camp's health history and a dentist's prescription
pad; held out two rounds before, now tuned), ``employer`` (an employer's pre-placement health
questionnaire and a group practice's prescription blank; held out two rounds before, now tuned),
``preadmission`` (a hospital's pre-admission questionnaire and an outpatient clinic's
prescription; held out two rounds before, now tuned), ``caribbean`` (a Caribbean medical
centre's registration and an island insurer's prescription claim; held out two rounds before,
now tuned), ``rehab`` (a rehabilitation clinic's intake and a government clinic's
prescription blank; held out two rounds before, now tuned), ``prenatal`` (a women's health
practice's prenatal intake and its prescription with a tear-off stub; held out two rounds before,
now tuned), ``homehealth`` (a home health agency's referral form and a pharmacy's
telephoned-prescription record; held out two rounds before, now tuned), ``urgentcare`` (an
urgent care centre's walk-in registration face sheet and its faxed prescription; held out two
rounds before, now tuned), ``dental`` (a dental practice's new-patient registration and a
hospice's physician medication order sheet; held out two rounds before, now tuned),
``athletics`` (a school athletics pre-participation history form and an eye clinic's prescription
blank; held out two rounds before, now tuned), ``dialysis`` (a dialysis unit's admission
record and a military clinic's prescription form; held out two rounds before, now tuned),
``counselling`` (a counselling centre's client intake packet and a dermatology practice's
prescription blank; held out two rounds before, now tuned), ``research`` (a clinical research
centre's baseline interview questionnaire and a cardiology practice's prescription and medication
schedule; held out three rounds before, now tuned), ``entrance`` (a university's student entrance
health record and a health service's tinted prescription form; held out two rounds before, now
tuned), ``pharmacy`` (a community pharmacy's patient profile and a clinic's computer-printed
security prescription; held out two rounds before, now tuned), ``sleep`` (a sleep centre's
new-patient questionnaire and a mobile outreach van's two-panel prescription; held out two rounds
before, now tuned), ``occupational`` (an occupational health clinic's injured-worker intake and
its work status report with a prescription; held out two rounds before, now tuned),
``immigration`` (a civil surgeon's immigration medical exam questionnaire and a teaching
hospital's outpatient prescription; held out two rounds before, now tuned), ``allergy`` (an
allergy and asthma clinic's new-patient history and a hospital's discharge prescription and
medication list; held out two rounds before, now tuned), ``hearing`` (an audiology centre's
new-patient case history and a paediatric practice's prescription; held out two rounds before,
now tuned), ``oncology`` (an oncology centre's two-page new-patient intake and its
chemotherapy day unit's take-home prescription; held out two rounds before, now tuned),
``geriatric`` (a geriatric day hospital's admission record and a house-call doctor's home-visit
prescription; held out in round 29, now tuned), ``fertility`` (a fertility clinic's
new-patient intake questionnaire and a telehealth service's printed e-prescription summary;
held out in round 31, now tuned), ``podiatry`` (a podiatry practice's registration and
foot health history and a cruise ship medical centre's prescription; held out in round 32,
now tuned), ``transplant`` (a transplant centre's candidate registration and a rural
mission hospital's prescription card; held out in round 33, now tuned), ``booking`` (a
county jail's health screening at booking and a neurology practice's prescription; held out in
round 34, now tuned), ``chiro`` (a chiropractic practice's new-patient intake and a ski
resort mountain clinic's prescription; held out in round 35, now tuned) and ``village`` (a
fly-in village nursing station's client face sheet and a marathon medical tent's prescription;
held out in round 36, now tuned).
Each round a new family is written blind and kept out of the reader's tuning, registered last in
``FAMILIES`` as ``heldout``; round 30's blind family was lost, round 31's is today's
``fertility``, round 32's today's ``podiatry``, round 33's today's ``transplant``, round
34's today's ``booking``, round 35's today's ``chiro`` and round 36's today's ``village``.
``heldout`` is the family written blind in round 37.
``HELDOUT`` names the family kept out of the reader's tuning: its wording and geometry are
described only in its own module, which a reader's author must not read.
"""

from __future__ import annotations

import importlib
import random
from collections.abc import Mapping
from typing import Any, Protocol

from PIL import Image

FAMILIES = (
    "classic",
    "labels_above",
    "pad",
    "grid",
    "dotted",
    "captions",
    "datasheet",
    "bilingual",
    "travel",
    "nursing",
    "camp",
    "employer",
    "preadmission",
    "caribbean",
    "rehab",
    "prenatal",
    "homehealth",
    "urgentcare",
    "dental",
    "athletics",
    "dialysis",
    "counselling",
    "research",
    "entrance",
    "pharmacy",
    "sleep",
    "occupational",
    "immigration",
    "allergy",
    "hearing",
    "oncology",
    "geriatric",
    "fertility",
    "podiatry",
    "transplant",
    "booking",
    "chiro",
    "village",
    "heldout",
)
HELDOUT = "heldout"  # reported apart by the benchmarks
DEFAULT_FAMILY = "classic"


class Family(Protocol):
    """What a family module provides (see the package docstring)."""

    def document(
        self, document_type: str, rnd: random.Random, *, handwriting: bool, font: str | None
    ) -> tuple[dict[str, Any], dict[str, Any], dict[str, Any]]: ...

    def random_style(
        self, document_type: str, rnd: random.Random, *, handwriting: bool, font: str | None
    ) -> dict[str, Any]: ...

    def render_pages(
        self,
        document_type: str,
        fields: Mapping[str, Any],
        extras: Mapping[str, Any],
        style: Mapping[str, Any],
        *,
        dpi: int,
        pages: int | None,
    ) -> list[Image.Image]: ...


def check_family(name: str) -> None:
    """Raise ``ValueError`` unless ``name`` is a family."""
    if name not in FAMILIES:
        raise ValueError(f"unknown family {name!r}; choose from {', '.join(FAMILIES)}")


def family(name: str) -> Family:
    """The family module called ``name`` (imported on first use)."""
    check_family(name)
    module: Family = importlib.import_module(f"tests.corpus.families.{name}")  # type: ignore[assignment]
    return module
