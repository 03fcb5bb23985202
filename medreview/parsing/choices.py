"""Choices printed on the page and the one marked: yes/no boxes, immunities, refill rows.

A choice row prints every option (``[ ] Yes [X] No``, ``0 1 2 3 4 5 PRN``);
the answer is the option with a mark. The page image tells it best (ink in the
option's box, a ring drawn round it: :mod:`medreview.parsing.marks`); without
the image, or when the image does not decide, the words do: brackets with an
``X``, an empty box read as ``LJ``, a circle read as brackets round a digit or
a token missing from the row.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, replace
from itertools import pairwise

from rapidfuzz.distance import Levenshtein

from medreview.model import BBox, Word
from medreview.parsing import canonical
from medreview.parsing.layout import SLASHES, compact, split_word
from medreview.parsing.marks import BOX_SCALES, MARK_MIN_INK, TICKED_INK, PageMarks, decide

REFILL_ROW = ("0", "1", "2", "3", "4", "5", "PRN")
# Answers' words this many times as tall as their question's letters hold more than letters.
TALL_ANSWERS = 1.8
# What may follow a choice in its word: a footnote's star, punctuation.
FOOTNOTE_MARKS = "*.,;:!"


@dataclass(frozen=True, slots=True)
class Option:
    """Where one choice is printed: word span ``[start, end)`` in the row."""

    choice: str
    start: int
    end: int


def option_spans(words: Sequence[Word], choices: Sequence[str]) -> list[Option]:
    """Every choice printed once in the row, longest match first (``NOT IMMUNE`` over ``IMMUNE``).

    A one-word choice may be glued to the box OCR read before it (``LINo``). A long choice
    the row does not print exactly may be read with one letter wrong (``Not immmune``).
    """
    pieces = [compact(w.text) for w in words]
    targets = sorted(choices, key=lambda c: -len(compact(c)))
    letters = {
        compact(answer): (choice, len(answer.split()))
        for answer, choice in canonical.yes_no_answers(choices).items()
    }
    taken: set[int] = set()
    found: dict[str, list[Option]] = {}
    for near in (False, True):
        for choice in targets:
            if near and (choice in found or len(compact(choice)) < LONG_CHOICE):
                continue
            for option in _choice_hits(words, pieces, choice, letters, taken, near=near):
                found.setdefault(choice, []).append(option)
                taken |= set(range(option.start, option.end))
    # a choice printed as itself outranks yes / no letters standing for it: "IMMUNE  NOT
    # IMMUNE" and, further along the row, another question's "YES  NO"
    for choice, hits in found.items():
        printed = [h for h in hits if "".join(pieces[h.start : h.end]) == compact(choice)]
        if printed:
            found[choice] = printed
    spans = [hits[0] for hits in found.values() if len(_translated(hits, words)) == 1]
    return sorted(spans, key=lambda o: o.start)


def _choice_hits(
    words: Sequence[Word],
    pieces: Sequence[str],
    choice: str,
    letters: Mapping[str, tuple[str, int]],
    taken: set[int],
    *,
    near: bool,
) -> list[Option]:
    """Where a choice is printed in the row, apart from the words ``taken`` by longer ones.

    ``letters`` are the written yes and no answers that stand for the row's choices, with the
    words each is printed in (``Y``; ``Never had``).
    """
    target = compact(choice)
    hits: list[Option] = []
    used = set(taken)
    for start in range(len(words)):
        if not pieces[start] or start in used:
            continue
        text = ""
        for end in range(start + 1, min(len(words), start + 3) + 1):
            text += pieces[end - 1]
            span = set(range(start, end))
            if near:
                hit = Levenshtein.distance(text, target) == 1
            else:
                glued = end == start + 1 and len(text) <= len(target) + 2
                hit = text == target or (glued and text.endswith(target) and len(target) >= 2)
                hit = hit or (letters.get(text) == (choice, end - start) and choice != text)
            # a one-word answer ("No") stands alone, not as a phrase's first word ("No sé",
            # "No known allergies"; "c": a box OCR read); a number before "or" stands alone
            # ("5 or __ times")
            after = words[end].text if end < len(words) else ""
            alone = (choice.isdigit() and after == "or") or not (
                after[:1].islower() and len(after) >= 2
            )
            hit = hit and (alone or end > start + 1)
            if hit and not span & used:
                hits.append(Option(choice, start, end))
                used |= span
                break
            if len(text) >= len(target) + (1 if near else 0):
                break
    return hits


# A choice this long is still read with one letter wrong.
LONG_CHOICE = 6


# Answers a row may print beside its choices that answer nothing.
ABSTAIN = ("don't know", "not sure", "not known", "unsure", "unknown", "unk.")


def _translated(hits: list[Option], words: Sequence[Word]) -> list[Option]:
    """A choice's places, one printed twice across a slash counted once.

    A bilingual form prints each option in both languages: ``Not immune / No inmune``.
    """
    kept = hits[:1]
    for hit in hits[1:]:
        between = [w.text.strip() for w in words[kept[-1].end : hit.start]]
        if not (between and all(text in SLASHES for text in between)):
            kept.append(hit)
    return kept


def _char_width(words: Sequence[Word]) -> float:
    """The row's typical letter width, from its plain words (marks glued to a word widen it)."""
    widths = sorted(
        w.bbox.width / len(w.text) for w in words if len(w.text) >= 3 and w.text.isalpha()
    )
    if not widths:
        return 0.6 * max(8, max((w.bbox.height for w in words), default=8))
    return widths[len(widths) // 4]  # a low quartile: a word with a tick glued in is wider


def _option_box(words: Sequence[Word], option: Option, char_width: float | None = None) -> BBox:
    """The box of the option's own letters (a box or tick glued before them cut off)."""
    span = words[option.start : option.end]
    box = BBox.union(w.bbox for w in span)
    letter = char_width or _char_width(words)
    last = span[-1].text
    trailing = len(last) - len(last.rstrip(FOOTNOTE_MARKS))  # a footnote's star after it
    right = int(min(box.x1, max(box.x0 + letter, box.x1 - trailing * letter)))
    width = letter * (len(option.choice) + 0.5)
    return BBox(max(box.x0, int(right - width)), box.y0, right, box.y1)


# A bubble at least this solid is filled in (an empty one's ring is about 0.3).
FILLED_BUBBLE = 0.6


def _is_wording(text: str) -> bool:
    """Whether OCR read a word of print here, not a box or a tick it took for letters."""
    core = text.strip(".,;:?!")
    if EMPTY_BOX.match(core) or TICK.match(core):
        return False
    return sum(c.isalpha() for c in core) >= 2


def marked_by_image(
    words: Sequence[Word],
    options: Sequence[Option],
    marks: PageMarks,
    *,
    boxes: bool = True,
    start_x: int | None = None,
) -> tuple[str | None, bool]:
    """The option whose box holds a tick, or that a ring is drawn round, from the page image.

    Returns the option and whether the image decided: a row whose marks all
    look alike decides that nothing is marked.
    """
    if len(options) < 2:
        return None, False
    fills: list[float] = []
    rings: list[float] = []
    bubbles: list[float | None] = []
    previous_end = start_x
    char_width = _char_width(words)
    for option in options:
        box = _option_box(words, option, char_width)
        h = max(8, box.height)
        left = box.x0 - int(2.2 * h)
        if previous_end is not None:
            left = max(left, previous_end + 2)
        if option.start > 0 and _is_wording(words[option.start - 1].text):
            # the question's own words before the first choice hold no box
            left = max(left, words[option.start - 1].bbox.x1 + 2)
        region = BBox(int(left), box.y0 - int(0.6 * h), box.x0 - 2, box.y1 + int(0.2 * h))
        region = marks.clear_of_lines(region)
        # the slash printed between choices ("YES / NO") is no tick in a box
        printed = [w.bbox for w in words if w.text.strip() in SLASHES]
        fills.append(marks.box_mark(region, printed) if region.x1 > region.x0 else 0.0)
        # the words read there are no bubble, but an "O" OCR read from one is
        read = [w.bbox for w in words if sum(c.isalnum() for c in w.text) >= 2]
        bubbles.append(marks.bubble(region, h, read) if region.x1 > region.x0 else None)
        others = [w.bbox for i, w in enumerate(words) if not option.start <= i < option.end]
        word = words[option.end - 1].bbox
        if word.x1 > box.x1 + 2:  # a footnote's star read in the same word is no ring
            others.append(BBox(box.x1 + 2, word.y0, word.x1, word.y1))
        rings.append(marks.ring_mark(box, others, both_ends=True))
        previous_end = box.x1
    solid = [b for b in bubbles if b is not None]
    if boxes and len(solid) == len(options):  # a printed bubble before every choice
        chosen = decide(solid)
        if chosen is not None and solid[chosen] >= FILLED_BUBBLE:
            return options[chosen].choice, True
    for scores in (rings, fills) if boxes else (rings,):
        chosen = decide(scores)
        if chosen is not None:
            return options[chosen].choice, True
    if boxes and min(fills) > 0 and max(fills) < 1.25 * min(fills):
        return None, True  # every box alike: none ticked
    if len(options) == len({o.choice for o in options}) and max(rings) < RING_NONE:
        return None, not boxes or max(fills) < MARK_MIN_INK  # no ring round any choice
    return None, False


# A line through unread ink this many text heights long strikes out the choice OCR missed.
STRUCK_RUN = 3.0
# A line crossing this share of an option's letters strikes it out; under the lower share, not.
STRUCK = 0.6
NOT_STRUCK = 0.4
# Of two options, one crossed over this share of its letters, the other at most this share of
# that, is struck out alone.
CLEARLY_STRUCK = 0.9
STRUCK_APART = 0.5


def left_standing(words: Sequence[Word], options: Sequence[Option], marks: PageMarks) -> str | None:
    """The one option not struck out when the others are ("IMMUNE / ~~NOT IMMUNE~~")."""
    if len(options) < 2:
        return None
    char_width = _char_width(words)
    strikes = [marks.strike_mark(_option_box(words, o, char_width)) for o in options]
    standing = [o for o, strike in zip(options, strikes, strict=True) if strike < NOT_STRUCK]
    struck = [strike for strike in strikes if strike >= STRUCK]
    if len(standing) == 1 and len(struck) == len(options) - 1:
        return standing[0].choice
    low, high = min(strikes), max(strikes)
    if len(options) == 2 and high >= CLEARLY_STRUCK and low <= STRUCK_APART * high:
        # a blurred copy's letters run their strokes together: one struck right through, the
        # other well under half that, still stands
        return options[strikes.index(low)].choice
    return None


# A pen line under this share of an option's letters underlines it; under the lower, not.
UNDERLINED = 0.6
NOT_UNDERLINED = 0.35


def underlined(words: Sequence[Word], options: Sequence[Option], marks: PageMarks) -> str | None:
    """The one option a pen line is drawn under ("IMMUNE / NOT IMMUNE / UNKNOWN", one underlined).

    A printed rule under the whole row lies under every option alike, and decides nothing.
    """
    if len(options) < 2:
        return None
    char_width = _char_width(words)
    lines = [marks.underline_mark(_option_box(words, o, char_width)) for o in options]
    drawn = [o for o, share in zip(options, lines, strict=True) if share >= UNDERLINED]
    if len(drawn) == 1 and sorted(lines)[-2] < NOT_UNDERLINED:
        if _ring_under(marks, _option_box(words, drawn[0], char_width)):
            return None  # the top of a ring round the next row's answer, no underline
        return drawn[0].choice
    return None


# A ring round the next row's word stands this many text heights under a word ...
RING_BELOW_AT = (1.5, 1.8)
# ... and counts as a ring from this much of its arc.
RING_BELOW = 0.04


def _ring_under(marks: PageMarks, box: BBox) -> bool:
    """Whether the pen line under a word is the top of a ring round the word under it."""
    if marks.ring_mark(box) >= RING_NONE:
        return False  # ringed itself: its ring's bottom runs under it
    h = box.height
    return any(
        marks.ring_mark(
            BBox(box.x0, box.y0 + int(k * h), box.x1, box.y1 + int(k * h)), [], both_ends=True
        )
        >= RING_BELOW
        for k in RING_BELOW_AT
    )


# A highlighted option's paper is at least this many gray levels darker than the paper round
# it; every other option's, less than half of that.
HIGHLIGHT_DROP = 14.0


def highlighted(words: Sequence[Word], options: Sequence[Option], marks: PageMarks) -> str | None:
    """The one option a highlighter is drawn over (its paper tinted, the others' white)."""
    if len(options) < 2:
        return None
    char_width = _char_width(words)
    chosen = _tinted_apart([marks.tint(_option_box(words, o, char_width)) for o in options])
    return None if chosen is None else options[chosen].choice


def _tinted_apart(tints: Sequence[float | None]) -> int | None:
    """The one place whose paper is tinted while the others' are not, if there is one."""
    known = [tint for tint in tints if tint is not None]
    if len(known) != len(tints) or len(known) < 2:
        return None
    tinted = max(range(len(known)), key=known.__getitem__)
    rest = known[:tinted] + known[tinted + 1 :]
    if known[tinted] >= HIGHLIGHT_DROP and max(rest) < HIGHLIGHT_DROP / 2:
        return tinted
    return None


def read_box_row(
    words: Sequence[Word],
    choices: Sequence[str],
    marks: PageMarks,
    label: BBox | None = None,
    letters: float | None = None,
) -> tuple[str | None, bool]:
    """The choice whose drawn box is marked, each box answering the words right of it.

    Boxes are found in the image (OCR reads them as ``LJ``, ``Ll1``, ``[]`` or
    not at all); a box's choice is the words up to the next box, or, when those
    are unreadable and there is one box per choice, its place in the row. The row's
    ``label``, on its line, widens the search back to it: OCR may have read nothing of the
    row's first entries (``Refill: ☐ ☐ ☐ ☐ ☐ ☒ ☐ PRN`` read as ``PRN``).
    ``letters`` is the height of the question's own letters on the row, when known: a tick
    overshooting its box makes OCR give the answers' words twice that, and the boxes are
    sized by the question's letters then.
    Returns the choice and whether the image decided (all boxes empty: ``None``).
    """
    if not words:
        return None, False
    # the text's height: a low quartile, as a box OCR glued to its entry reads taller
    size = float(sorted(w.bbox.height for w in words)[len(words) // 4])
    if letters is not None and size > TALL_ANSWERS * letters:
        size = letters
    band = BBox.union(w.bbox for w in words)
    band = BBox(
        min(band.x0 - int(3 * size), label.x1 if label is not None else band.x0),
        band.y0 - int(size),
        band.x1 + int(3 * size),
        band.y1 + int(size / 2),
    )
    # a box stands on its row's line: the rows over and under it are other questions'
    low, high = min(w.bbox.y0 for w in words), max(w.bbox.y1 for w in words)
    if label is not None:  # (a tilted row's boxes stand between its label and its words)
        low, high = min(low, label.y0), max(high, label.y1)
        band = BBox(band.x0, min(band.y0, label.y0), band.x1, max(band.y1, label.y1))
    # (a box OCR read as a glyph is a word of its own: the box inside it is no letter's)
    lettered = [w for w in words if w.text not in BOX_GLYPHS]
    every = [
        (box, fill) for box, fill in marks.boxes(band, size) if low <= (box.y0 + box.y1) / 2 <= high
    ]
    if not every:
        # boxes drawn well under the height OCR gives the words, clear of every word read but
        # those OCR glued a box's glyph to ("□Yes"): a letter that small is no box
        plain = [w for w in lettered if not any(g in w.text for g in "□☐")]
        every = [
            (box, fill)
            for box, fill in marks.boxes(band, BOX_SCALES[-1] * size)
            if low <= (box.y0 + box.y1) / 2 <= high
            and not any(box.x0 < w.bbox.x1 and w.bbox.x0 < box.x1 for w in plain)
        ]
    found = [
        (box, fill) for box, fill in every if not any(_inside_word(box, w, size) for w in lettered)
    ]
    sides = [box.x1 - box.x0 for box, _ in found]
    sides += [w.bbox.width for w in words if w.text in BOX_GLYPHS]
    if sides and len(found) < len(choices):
        # the row's other boxes are drawn as big as one found (or read as a glyph), which may
        # be well under the height OCR gives its words: a box half as tall passes for a speck
        alike = [
            (box, fill)
            for box, fill in marks.boxes(band, max(sides))
            if low <= (box.y0 + box.y1) / 2 <= high
            and not any(_inside_word(box, w, size) for w in lettered)
        ]
        if len(alike) > len(found):
            every = found = alike
    found = _with_row_ends(found, marks, band, size, len(choices))
    if len(found) == 1 and found[0][1] >= LONE_BOX_INK:
        # one box found, clearly marked (an empty one OCR merged with its word is missed);
        # it answers the choice after it, or the one before when the row reads "0☐ 1☐ ..."
        box = found[0][0]
        if _boxes_follow(words):
            before = [w for w in words if (w.bbox.x0 + w.bbox.x1) / 2 < box.x0 + size / 2]
            spans = option_spans(before[-1:], choices)
            if spans and box.x0 - before[-1].bbox.x1 <= 1.5 * size:
                return spans[0].choice, True
        after = [w for w in words if (w.bbox.x0 + w.bbox.x1) / 2 > box.x1 - size / 2]
        spans = option_spans(after, choices)
        if spans and spans[0].start == 0 and after[0].bbox.x0 - box.x1 <= 1.5 * size:
            return spans[0].choice, True
    if len(found) < 2 and len(every) == len(choices) >= 2:
        found = every  # a ticked box OCR read as a letter glued to its choice ("Y [X]" as "γ")
    if len(found) < 2:
        return None, False
    first = _box_labels(words, [box for box, _ in found], choices, size, after=True)
    labels = first
    if not _complete(labels):
        # boxes printed after their choices (``Yes [X]  No [ ]``)
        labels = _box_labels(words, [box for box, _ in found], choices, size, after=False)
    if not _complete(labels) and len(found) > len(choices):
        # a box for an answer that is none of the choices too (``Yes [X] No [ ] Not sure [ ]``)
        answers = (*choices, *ABSTAIN)
        for leading in (True, False):
            every_label = _box_labels(
                words, [box for box, _ in found], answers, size, after=leading
            )
            if _complete(every_label):
                chosen = decide([fill for _, fill in found])
                if chosen is None:
                    return None, max(fill for _, fill in found) < MARK_MIN_INK
                return (None if every_label[chosen] in ABSTAIN else every_label[chosen]), True
    if not _complete(labels):
        if len(found) != len(choices):
            # an entry OCR did not read: the marked box still answers when its own is read
            fills = [fill for _, fill in found]
            chosen = decide(fills)
            if chosen is None and len(found) >= len(choices) + len(option_spans(words, ABSTAIN)):
                # a box for every answer ("Not sure" too), all of them empty
                return None, max(fills) < MARK_MIN_INK
            named = [label for label in first if label is not None]
            if chosen is None or first[chosen] is None or len(set(named)) < len(named):
                return None, False
            return first[chosen], True
        if not (_in_place(first, choices) or _in_place(labels, choices)):
            return None, False  # the entries read stand at other boxes than their places
        labels = list(choices)
    chosen = decide([fill for _, fill in found])
    if chosen is None:
        fills = [fill for _, fill in found]
        if len(option_spans(words, (*choices, *ABSTAIN))) > len(found):
            # a box was not found: a tick's ink over its sides hides it; the empty ones
            # found decide nothing (the image of each answer's place will)
            return None, False
        return None, max(fills) < MARK_MIN_INK
    return labels[chosen], True


# How OCR reads an empty check box.
BOX_GLYPHS = ("□", "☐", "[]", "LJ")


def _boxes_follow(words: Sequence[Word]) -> bool:
    """Whether the row prints each box after its choice: more words read "1☐" than "☐1"."""
    ends, starts = _glued_boxes(words)
    return ends > starts


def _boxes_lead(words: Sequence[Word]) -> bool:
    """Whether the row prints each box before its choice: more words read "☐1" than "1☐"."""
    ends, starts = _glued_boxes(words)
    return starts > ends


def _glued_boxes(words: Sequence[Word]) -> tuple[int, int]:
    """How many words end with a box glyph OCR glued to them, and how many start with one."""
    glyphs = (*BOX_GLYPHS, *TICKED_GLYPHS)
    ends = sum(w.text.endswith(glyphs) and len(w.text) > 1 for w in words)
    starts = sum(w.text.startswith(glyphs) and len(w.text) > 1 for w in words)
    return ends, starts


def _with_row_ends(
    found: list[tuple[BBox, float]], marks: PageMarks, band: BBox, size: float, count: int
) -> list[tuple[BBox, float]]:
    """The row's boxes with more at either end, while evenly spaced boxes continue there.

    OCR often drops the ticked entry of a row (and the entries beside a crossed box), and
    the search band, built from the words it read, may then stop short of their boxes.
    """
    if not 3 <= len(found) < count:
        return found
    lefts = [box.x0 for box, _ in found]
    steps = [b - a for a, b in pairwise(lefts)]
    step = sorted(steps)[len(steps) // 2]
    if step <= size or max(steps) - min(steps) > 0.2 * step:
        return found
    grown = True
    while grown and len(found) < count:
        grown = False
        first, last = found[0][0], found[-1][0]
        for x in (first.x0 - step, last.x0 + step):
            if len(found) >= count:
                break
            probe = BBox(int(x - size / 2), band.y0, int(x + 1.5 * size), band.y1)
            if (x < first.x0 and probe.x0 >= band.x0) or (x > last.x0 and probe.x1 <= band.x1):
                continue  # inside the band: searched already
            more = marks.boxes(probe, size)
            if more:
                found = sorted([*found, more[0]], key=lambda item: item[0].x0)
                grown = True
    return found


def _in_place(labels: Sequence[str | None], choices: Sequence[str]) -> bool:
    """Whether every box whose entry was read is that entry's place in the row."""
    return all(label in (None, choice) for label, choice in zip(labels, choices, strict=True))


def _complete(labels: Sequence[str | None]) -> bool:
    """Whether every box has a choice of its own."""
    return None not in labels and len(set(labels)) == len(labels)


def _box_labels(
    words: Sequence[Word],
    boxes: Sequence[BBox],
    choices: Sequence[str],
    size: float,
    *,
    after: bool,
) -> list[str | None]:
    """The choice each box answers: the words after it up to the next box, or before it."""
    labels: list[str | None] = []
    for index, box in enumerate(boxes):
        lo: float
        hi: float
        if after:
            lo = box.x1 - size / 2
            hi = boxes[index + 1].x0 if index + 1 < len(boxes) else 10**9
        else:
            lo = boxes[index - 1].x1 if index > 0 else -(10**9)
            hi = box.x0 + size / 2
        near = [w for w in words if lo <= (w.bbox.x0 + w.bbox.x1) / 2 < hi]
        spans = option_spans(near, choices)
        labels.append(spans[-1 if not after else 0].choice if len(spans) == 1 else None)
    return labels


# A printed letter is at most this many text heights wide.
LETTER_WIDTH = 0.75
# A word wider than its letters by this many more is OCR's reading of letters and boxes.
GLUED_SPAN = 2


def _inside_word(box: BBox, word: Word, size: float) -> bool:
    """Whether a box-like shape is a letter of a word (``E``), not a box glued before it.

    A question's last word ("done?") holds no letter like a box at its end: a box OCR took
    into it there is the first answer's, printed just after the question.
    """
    area = word.bbox
    if word.text.endswith(("?", ":")) and box.x1 > area.x1 - size:
        return False
    if box.x0 >= area.x0 + len(word.text) * LETTER_WIDTH * size:
        return False  # past the word's letters: a box OCR read into it ("N" and its box)
    if area.width > (len(word.text) + GLUED_SPAN) * LETTER_WIDTH * size:
        return False  # far wider than its letters: OCR took a box and more into it ("0 ☒ 1")
    cx, cy = (box.x0 + box.x1) / 2, (box.y0 + box.y1) / 2
    inside = area.x0 <= cx <= area.x1 and area.y0 <= cy <= area.y1
    return inside and box.x0 > area.x0 + 0.3 * size


def _dropped_choice(
    words: Sequence[Word],
    option: Option,
    choices: tuple[str, ...],
    marks: PageMarks,
    start_x: int | None,
) -> str | None:
    """The answer when OCR read only one of two printed choices.

    A ring drawn round a choice often hides it from OCR, leaving unread ink.
    The read choice with a ring round it is the answer; one without a ring, beside
    ink no word was read from, means the other choice is circled.
    """
    box = _option_box(words, option)
    h = max(8, box.height)
    if marks.ring_mark(box) >= MARK_MIN_INK * 2:
        return option.choice
    garbled = [
        w.bbox
        for i, w in enumerate(words)
        if not option.start <= i < option.end and sum(c.isalpha() for c in w.text) >= 3
    ]
    if any(marks.strike_mark(b) >= STRUCK for b in garbled) and marks.strike_mark(box) < NOT_STRUCK:
        return option.choice  # the other choice struck through, OCR garbling it ("mane")
    # words read clearly bound the search; a circled word OCR garbled ("@)") does not
    others = [
        w.bbox
        for i, w in enumerate(words)
        if not option.start <= i < option.end and len(w.text) >= 3 and w.text.isalpha()
    ]
    top, bottom = box.y0 - int(0.5 * h), box.y1 + int(0.5 * h)
    reach = DROPPED_REACH * h
    right_end = min((b.x0 for b in others if b.x0 > box.x1), default=box.x1 + reach)
    left_end = max((b.x1 for b in others if b.x1 < box.x0), default=start_x or box.x0 - reach)
    sides = (
        marks.clear_of_lines(
            BBox(box.x1 + h // 2, top, min(right_end, box.x1 + reach), bottom), before=False
        ),
        marks.clear_of_lines(
            BBox(max(left_end, box.x0 - reach) + h // 2, top, box.x0 - h // 2, bottom)
        ),
    )
    inked = [s for s in sides if s.x1 - s.x0 > h and marks.ink(*_corners(s)) >= DROPPED_INK]
    if any(marks.strike_run(BBox(s.x0, box.y0, s.x1, box.y1)) >= STRUCK_RUN * h for s in inked):
        return option.choice  # the unread ink is the other choice, struck out
    if inked:
        return next(c for c in choices if c != option.choice)
    return None


def _ticked_elsewhere(
    words: Sequence[Word], option: Option, choices: tuple[str, ...], marks: PageMarks
) -> str | None:
    """The other of two choices, when the one read stands after an empty box.

    A ticked box stands in the row where no word was read: "[ ] Yes  [X]  [ ] Unsure", the
    tick hid "No" from OCR.
    """
    first = words[option.start].bbox
    if not marks.empty_box_before(first):
        return None
    size = first.height
    band = BBox(first.x1, first.y0 - size // 2, words[-1].bbox.x1 + 3 * size, first.y1 + size // 2)
    for scale in BOX_SCALES:
        for box, fill in marks.boxes(band, scale * size):
            if fill < TICKED_INK:
                continue
            read = [w for w in words if w.bbox.x0 <= box.x1 + 2 * size and w.bbox.x1 >= box.x0]
            if not [w for w in read if any(c.isalpha() for c in w.text) and len(w.text) > 1]:
                return next(c for c in choices if c != option.choice)
    return None


def _corners(box: BBox) -> tuple[int, int, int, int]:
    return box.x0, box.y0, box.x1, box.y1


# A lone box found with this much ink inside is a ticked box.
LONE_BOX_INK = 0.12
# Below this ink round every choice, nothing is circled.
RING_NONE = 0.012
# How far beside a lone choice (in its heights) an unread one is looked for.
DROPPED_REACH = 6
# Unread ink beside a lone choice (a share of the region) that means a circled word.
DROPPED_INK = 0.04


# What OCR makes of an empty drawn box: "LI", "LJ", "L1]", "[]", "[.]", "U", "O".
# What OCR makes of a ticked box or a lone tick: "M", "MM", "My", "V", "W".
TICK = re.compile(r"^(?:[MVWvwJ✓✔/]{1,3}|My)$")
EMPTY_BOX = re.compile(r"^(?:[(\[]?[LC][IJ1l|]?[\]J)]?|\[[\s.,]*\]|\(\s*\)|[UO0□☐])$")


def marked_by_text(words: Sequence[Word], options: Sequence[Option]) -> str | None:
    """The ticked option as the words show it: brackets, box shapes OCR read, a tick's height."""
    if len(options) != 2:
        return None
    tops: dict[str, int] = {}
    empty: dict[str, bool] = {}
    ticked: dict[str, bool] = {}
    previous = -1
    for option in options:
        zone = words[previous + 1 : option.end]
        tops[option.choice] = min(w.bbox.y0 for w in zone)
        last = words[option.end - 1].text.rstrip(FOOTNOTE_MARKS)
        glued = last[: -len(option.choice)] if len(last) > len(option.choice) else ""
        marks = [w.text for w in words[previous + 1 : option.start]] + ([glued] if glued else [])
        empty[option.choice] = any(EMPTY_BOX.match(text) for text in marks)
        if previous >= 0 and [m.strip() for m in marks] in (["/"], ["|"]):
            marks = []  # the slash printed between two choices ("YES / NO")
        ticked[option.choice] = any(TICK.match(text) for text in marks)
        previous = option.end - 1
    if sum(empty.values()) == 1:
        return next(c for c, is_empty in empty.items() if not is_empty)
    if sum(ticked.values()) == 1 and not any(empty.values()):
        return next(c for c, is_ticked in ticked.items() if is_ticked)
    height = min(words[o.start].bbox.height for o in options)
    (first, top_a), (second, top_b) = tops.items()
    if abs(top_a - top_b) < 0.3 * height:
        return None
    return first if top_a < top_b else second


def prints_choices(words: Sequence[Word], choices: Sequence[str]) -> bool:
    """Whether a row prints at least two of its choices ("Immune / Not immune")."""
    return len(option_spans(split_slashes(words), choices)) >= 2


def split_slashes(words: Sequence[Word]) -> list[Word]:
    """Choices OCR joined, taken apart at a slash or where a capital follows a small letter.

    "IMMUNE/NOT" is "IMMUNE", "/", "NOT"; "YesNo" and "Yes.No" are "Yes", "No". Each part
    gets its share of the word's box by its letters.
    """
    parts: list[Word] = []
    for word in words:
        pieces = [p for p in re.split(r"(/)", word.text) if p]
        pieces = [q for p in pieces for q in _GLUED_CHOICES.split(p) if q]
        if len(pieces) == 1 or not any(len(p) >= 2 and p.isalpha() for p in pieces):
            parts.append(word)
        else:
            parts.extend(split_word(word, pieces))
    return parts


# Where two printed choices OCR read as one word meet: a capital after a small letter, or a
# word after a bracket closing the label's note ("(rubeola)immune").
_GLUED_CHOICES = re.compile(r"(?<=[a-z])\.?(?=[A-Z][a-z])|(?<=\))(?=[A-Za-z]{2})")


def read_choice(
    words: Sequence[Word],
    choices: tuple[str, ...],
    marks: PageMarks | None,
    start_x: int | None = None,
    letters: float | None = None,
) -> tuple[str | None, float]:
    """The answer of a choice row and how sure the reading is (1 for a written answer).

    ``letters`` is the height of the question's letters on the row (see :func:`read_box_row`).
    """
    words = split_slashes(words)
    if marks is not None:
        words = _without_unticked_abstain(words, choices, marks)
    text = " ".join(w.text for w in words)
    options = option_spans(words, choices)
    if marks is not None:
        value, decided = read_box_row(words, choices, marks, letters=letters)
        if decided:
            return value, 0.9
    if marks is not None and len(choices) == 2 and len(options) == 1:
        ticked = _ticked_elsewhere(words, options[0], choices, marks)
        if ticked is not None:
            return ticked, 0.85
    if marks is not None and start_x is not None and len(choices) == 2 and len(options) == 1:
        # a row of printed choices right of its question, one of them unread
        dropped = _dropped_choice(words, options[0], choices, marks, start_x)
        if dropped is not None:
            return dropped, 0.85
    if len(options) < len(choices):
        return canonical.parse_choice(text, choices), 1.0
    if canonical.CHECKED.search(text):
        value = canonical.parse_choice(text, choices)
        if value is not None:
            return value, 0.95  # an X OCR read inside brackets
    if marks is not None and (kept := left_standing(words, options, marks)) is not None:
        return kept, 0.9
    # a row may print an answer that is none of the choices ("Don't know"): marked, the
    # field stays unanswered
    taken = {i for o in options for i in range(o.start, o.end)}
    abstain = [o for o in option_spans(words, ABSTAIN) if not taken & set(range(o.start, o.end))]
    # a statement's "?" beside its T and F is the unsure answer too
    abstain += [
        Option(ABSTAIN[0], i, i + 1)
        for i, w in enumerate(words)
        if w.text == "?" and i not in taken and options
    ]
    every = sorted([*options, *abstain], key=lambda o: o.start)
    if (kept := initialled(words, every)) is not None:
        return (None if kept in ABSTAIN else kept), 0.9
    if marks is not None:
        if (kept := underlined(words, every, marks)) is not None:
            return (None if kept in ABSTAIN else kept), 0.9
        if (kept := highlighted(words, every, marks)) is not None:
            return (None if kept in ABSTAIN else kept), 0.9
        value, decided = marked_by_image(words, every, marks, start_x=start_x)
        if decided:
            return (None if value in ABSTAIN else value), 0.9
    if canonical.CHECKED.search(text) or canonical.UNCHECKED.search(text):
        return canonical.parse_choice(text, choices), 0.95  # brackets OCR read: they decide
    return marked_by_text(words, options), 0.7


def _without_unticked_abstain(
    words: list[Word], choices: Sequence[str], marks: PageMarks
) -> list[Word]:
    """A row without its printed "[ ] Don't know" left unticked, when an answer is written.

    "NOT IMMUNE   [ ] Don't know": the option after an empty box is the form's, and the
    written words are the answer; with no answer written the row reads as before.
    """
    unsure = [
        o for o in option_spans(words, ABSTAIN) if marks.empty_box_before(words[o.start].bbox)
    ]
    if not unsure:
        return words
    dropped = {i for o in unsure for i in range(o.start, o.end)}
    dropped |= {o.start - 1 for o in unsure if o.start and not words[o.start - 1].text.isalnum()}
    kept = [w for i, w in enumerate(words) if i not in dropped]
    answers = option_spans(kept, choices)
    if not answers or any(marks.box_before(kept[o.start].bbox) is not None for o in answers):
        return words  # nothing written, or a row of boxed options: its boxes decide
    return kept


# A patient's initials as OCR reads them: two or three capitals, with or without full stops ...
_INITIALS = re.compile(r"^(?:[A-Z]\.?){2,3}$")
# ... but bare capitals all drawn like a box's sides are a box OCR read as letters ("LJ", "MM")
_BOX_LETTERS = frozenset("LJIMUO")


def _is_initials(text: str) -> bool:
    """Whether a word reads as a patient's initials, not as a drawn box."""
    if not _INITIALS.match(text):
        return False
    return "." in text or not set(text) <= _BOX_LETTERS


def initialled(words: Sequence[Word], options: Sequence[Option]) -> str | None:
    """The one option with initials written on its blank after it ("Immune A.G.  Not immune").

    Only initials count: a lone ``X`` read after an option may be the next option's box, and
    bare capitals a box OCR read as letters.
    """
    chosen = []
    for index, option in enumerate(options):
        end = options[index + 1].start if index + 1 < len(options) else len(words)
        after = words[option.end : end]
        if after and all(_is_initials(w.text) for w in after):
            chosen.append(option.choice)
    return chosen[0] if len(chosen) == 1 else None


def _refill_token(text: str) -> str | None:
    """A clean entry of the refill row (``0``-``11``, ``PRN``), or ``None`` for anything else."""
    if len(text) <= 2 and not any(c in "()[]{}" for c in text):
        fixed = canonical.fix_digits(text)
        if re.fullmatch(r"[0-9]{1,2}", fixed) and int(fixed) <= MOST_REFILLS:
            return str(int(fixed))
    if len(text) <= 5 and canonical.parse_refills(text) == "PRN":
        return "PRN"
    return None


# A number with a bracket beside it: the circle round it as OCR reads it ("(4)", "3)").
_CIRCLED = re.compile(r"^[(\[{]?\s*([0-9OolI])\s*[)\]}]?$")


def row_tokens(words: Sequence[Word]) -> list[str]:
    """The row's entries, with what OCR ran together pulled apart (``1(2)3``, ``4.5``)."""
    tokens: list[str] = []
    for word in words:
        glued = _ENTRY_BOX.findall(word.text)
        if len(glued) >= 2:  # entries run together with their boxes ("0×1□2□3□")
            tokens.extend(entry for entry, _ in glued)
            continue
        for text in re.findall(r"\([^()]*\)|[^()\s=]+", word.text):
            text = text.rstrip(".,:;") or text
            # a box or a bubble OCR read as a glyph beside its entry
            text = text.strip("□☐" + BUBBLE_GLYPHS + TICKED_GLYPHS)
            if not text:
                continue
            digits = [c for c in text if c.isdigit()]
            if re.fullmatch(r"[0-5](?:[.,]?[0-5])+", text) and digits == sorted(set(digits)):
                # entries run together, in their order ("012345", "4.5"); a ZIP code
                # ("43215") is none
                tokens.extend(digits)
            elif run := re.fullmatch(r"([0-5]+)(PRN)", text, re.IGNORECASE):
                tokens.extend([*run.group(1), run.group(2)])  # "45PRN": the last entries
            elif len(text) > 1 and text[0] in "012345" and not text[1].isdigit():
                tokens.extend([text[0], text[1:]])
            else:
                tokens.append(text)
    return tokens


def is_partial_row(words: Sequence[Word]) -> bool:
    """Whether words are three or more entries of a refill row, each once (``0 3 PRN``).

    OCR drops entries of a row with a ring drawn in it; what it keeps is still the row,
    not a count written on a blank. Two entries do when one is ``PRN`` set apart from the
    other by the entries OCR dropped between.
    """
    tokens = row_tokens(words)
    kinds = [_refill_token(t) for t in tokens]
    if None in kinds or len(set(kinds)) != len(kinds):
        return False
    if len(tokens) == 2 and "PRN" in kinds and len(words) == 2:
        # one digit kept and PRN, an entry's width or more apart: "4 [ ] 5 [ ] PRN" read so
        return words[1].bbox.x0 - words[0].bbox.x1 > 2 * max(w.bbox.height for w in words)
    return len(tokens) >= 3


# A printed bubble OCR read as a glyph.
BUBBLE_GLYPHS = "○◯●◉"
# How much more of its outline's ink a filled bubble holds than an empty one of the row.
FILL_MARGIN = 0.12


def _filled_bubble(words: Sequence[Word], marks: PageMarks) -> str | None:
    """The entry after the one filled bubble of a row printing one before each entry.

    The bubbles are counted in the image, left to right, so an entry OCR ran together with
    its neighbours (``45PRN``) or dropped is still found by its place in the row.
    """
    entries = [w for w in words if (tokens := row_tokens([w])) and _refill_token(tokens[0])]
    if not entries:
        return None
    size = max(w.bbox.height for w in entries)
    band = BBox(
        max(0, entries[0].bbox.x0 - 2 * size),
        min(w.bbox.y0 for w in entries) - size // 2,
        max(w.bbox.x1 for w in words),
        max(w.bbox.y1 for w in entries) + size // 2,
    )
    solids = marks.bubble_row(band, size)
    choices = row_choices(words)
    if len(solids) != len(choices):
        return None
    order = sorted(range(len(solids)), key=lambda i: solids[i], reverse=True)
    rings = sorted(solids[i] for i in order[1:])
    ring = rings[len(rings) // 2]  # what an empty bubble of this print holds
    # one bubble clearly darker than the rest, and the rest alike
    if solids[order[0]] - ring < FILL_MARGIN or rings[-1] - ring > FILL_MARGIN / 2:
        return None
    return choices[order[0]]


def row_choices(words: Sequence[Word]) -> tuple[str, ...]:
    """The entries a refill row prints: ``0`` on to its last number (``5`` at least), ``PRN``.

    A row may print ``0 1 2 3 4 5 6 PRN``; the numbers run on while each read is followed by
    the next or the one after it (a ring makes OCR drop the entry it is drawn round).
    """
    read = {int(t) for t in row_tokens(words) if re.fullmatch(r"[0-9]{1,2}", t)}
    last = 5
    while last + 1 in read or last + 2 in read:
        last += 1
    return (*(str(n) for n in range(last + 1)), REFILL_ROW[-1])


# The most refills a row prints an entry for.
MOST_REFILLS = 11


def is_refill_row(words: Sequence[Word]) -> bool:
    """Whether words print most of ``0 1 2 3 4 5 PRN`` and little else."""
    tokens = row_tokens(words)
    kinds = [_refill_token(t) for t in tokens]
    found = set(kinds) - {None}
    mostly = sum(k is not None for k in kinds) >= 0.6 * len(tokens)
    return mostly and len(found) >= 4 and ("PRN" in found or len(found) >= 5)


def _row_places(words: Sequence[Word], options: Sequence[Option]) -> dict[str, BBox] | None:
    """Where each entry of a refill row stands, read or not: the digits read give the pitch.

    A ring or a highlighter over an entry makes OCR drop it; its place is where the row's
    pitch puts it. ``None`` when fewer than two digits were read.
    """
    digits = [(int(o.choice), words[o.start].bbox) for o in options if o.choice.isdigit()]
    if len(digits) < 2:
        return None
    count = len(row_choices(words)) - 1
    steps = [
        ((b.x0 + b.x1) / 2 - (a.x0 + a.x1) / 2) / (j - i) for (i, a), (j, b) in pairwise(digits)
    ]
    pitch = sorted(steps)[len(steps) // 2]
    index, ref = digits[0]
    width = max(b.width for _, b in digits)
    found = {i for i, _ in digits}
    places: dict[str, BBox] = {}
    for digit in range(count):
        if digit in found:
            continue
        centre = (ref.x0 + ref.x1) / 2 + (digit - index) * pitch
        places[str(digit)] = BBox(int(centre - width / 2), ref.y0, int(centre + width / 2), ref.y1)
    places.update({o.choice: words[o.start].bbox for o in options})
    return places


def _ringed_gap(words: Sequence[Word], options: Sequence[Option], marks: PageMarks) -> str | None:
    """The ringed entry of a refill row OCR read only in part (a ring makes it drop entries).

    Each digit missing is looked for at its place in the row, and the one place, read or
    not, with a ring round it is the answer; where two look ringed, the one with ink at both
    its ends (a big ring round one entry reaches into its neighbour's place at one end only).
    """
    places = _row_places(words, options)
    if places is None:
        return None
    names = list(places)
    chosen = decide([marks.ring_mark(places[n]) for n in names])
    if chosen is None:
        chosen = decide([marks.ring_mark(places[n], both_ends=True) for n in names])
    # the ring may be round an entry OCR did read, the others being the ones it dropped
    return None if chosen is None else names[chosen]


def _lit_gap(words: Sequence[Word], options: Sequence[Option], marks: PageMarks) -> str | None:
    """The highlighted entry of a refill row, OCR having dropped it or not."""
    places = _row_places(words, options)
    if places is None:
        return None
    names = list(places)
    chosen = _tinted_apart([marks.tint(places[n]) for n in names])
    return None if chosen is None else names[chosen]


def circled_refill(words: Sequence[Word]) -> str | None:
    """The number circled in a ``0 1 2 3 4 5 PRN`` row, as the words alone show it.

    A circle makes OCR read brackets round the number (``(4)``), drop it or
    garble it: the one bracketed number (unless also read clean elsewhere);
    else the one entry missing; else the one unreadable token between two
    clean neighbours. A clean full row gives ``None``.
    """
    tokens = row_tokens(words)
    kinds = [_refill_token(t) for t in tokens]
    clean = {k for k in kinds if k is not None}
    circled = {
        canonical.fix_digits(m.group(1))
        for t in tokens
        if any(c in "()[]{}" for c in t) and (m := _CIRCLED.match(t))
    }
    if len(circled) == 1 and not circled & clean:
        return circled.pop()
    choices = row_choices(words)
    missing = [t for t in choices if t not in clean]
    garbled = [i for i, k in enumerate(kinds) if k is None]
    if len(missing) == 1 and len(garbled) <= 2:
        return missing[0]
    if len(garbled) == 1:
        i = garbled[0]
        left = kinds[i - 1] if i > 0 else None
        right = kinds[i + 1] if i + 1 < len(kinds) else None
        if left is not None and left != "PRN" and left in choices:
            guess = choices[choices.index(left) + 1]
            follows = choices[choices.index(guess) + 1 :][:1]
            if guess in missing and (right is None or (right,) == follows):
                return guess
    return None


# How OCR reads a ticked box: one glyph glued to its entry ("PRN☑", "0×").
TICKED_GLYPHS = "☑☒✓✔■×✗✘"
# An entry of a refill row with the box OCR read as a glyph after it ("0×1□2□ ... PRN□").
_ENTRY_BOX = re.compile(r"(PRN|1[01]|[0-9])\s*([□☐" + TICKED_GLYPHS + r"])")
_BOX_ENTRY = re.compile(r"([□☐" + TICKED_GLYPHS + r"])\s*(PRN|1[01]|[0-9])")


def _ticked_entry(words: Sequence[Word]) -> str | None:
    """The one refill entry OCR read with a ticked box beside it (``0☐ 1☐ ... PRN☑``).

    The box is after its entry unless more words read a box before their entry (``☐0 ☑1``).
    """
    text = " ".join(w.text for w in words)
    if not _boxes_lead(words):
        pairs = _ENTRY_BOX.findall(text)
    else:
        pairs = [(entry, glyph) for glyph, entry in _BOX_ENTRY.findall(text)]
    ticked = [entry for entry, glyph in pairs if glyph in TICKED_GLYPHS]
    if len(pairs) < MIN_BOXED_ENTRIES or len(ticked) != 1:
        return None
    return _refill_token(ticked[0])


# A row shows this many entries, each with its box read, before a glyph may answer it.
MIN_BOXED_ENTRIES = 4


def written_after_other(words: Sequence[Word]) -> str | None:
    """The count written after a refill row's ``Other`` entry, if any.

    Where the row's ``Other`` was taken for a label of its own, the count still stands after
    the row's last entry, and is none of its entries (``0 1 2 3 4 5 PRN 6``).
    """
    for word, after in pairwise(words):
        count = after.text.strip("_.")
        # (OCR may glue the row's last option to it: "PRNOther:")
        if compact(word.text) in _OTHERS and count.isdigit() and len(count) <= 2:
            return count
    if len(words) >= len(REFILL_ROW) + 1 and words[-2].text.upper() == REFILL_ROW[-1]:
        count = words[-1].text.strip("_.")
        printed = {w.text for w in words[:-1]}
        if count.isdigit() and len(count) <= 2 and count not in printed:
            return count
    return None


_OTHER = compact("Other")
# ("or:" or "more:" before a count written after the row's printed entries: "5 PRN or: 11")
_OTHERS = frozenset({_OTHER, compact(REFILL_ROW[-1]) + _OTHER, "or", "more"})
# The one of them a row prints as its last entry, marked like the others.
_ENTRY_OTHER = frozenset({_OTHER})


def to_row_end(words: Sequence[Word], others: frozenset[str] = _ENTRY_OTHER) -> Sequence[Word]:
    """A refill row's words up to its ``PRN``, or on to ``Other`` or a count written after it.

    What follows on the line is another question's (``☐ Substitution permitted``), with a
    box of its own that is no entry of the row. ``others`` are the words that may print the
    row's last entry, for a count written after them.
    """
    ends = [i for i, w in enumerate(words) if w.text.upper() == REFILL_ROW[-1]]
    if not ends:
        return words
    rest = words[ends[-1] + 1 :]
    if rest and (compact(rest[0].text) in others or rest[0].text.strip("_.:").isdigit()):
        return words
    return words[: ends[-1] + 1]


def read_refill_row(
    words: Sequence[Word], marks: PageMarks | None, label: BBox | None = None
) -> tuple[str | None, float]:
    """The marked entry of a refill row: a ticked box or a ring in the image, else the words.

    A count the row has no entry for is written after its last one, ``Other`` (``... PRN
    Other: 6``). ``label`` is the row's label on its line (see :func:`read_box_row`).
    """
    words = split_glued_row(words)
    written = written_after_other(to_row_end(words, _OTHERS))
    words = to_row_end(words)
    if (ticked := _ticked_entry(words)) is not None:
        return ticked, 0.95
    if written is not None:
        return written, 0.9
    if marks is not None and (filled := _filled_bubble(words, marks)) is not None:
        return filled, 0.9
    if marks is not None:
        choices = row_choices(words)
        value, decided = read_box_row(words, choices, marks, label)
        if decided:
            return value, 0.9  # a box ticked, or every box found and none ticked
        options = [o for o in option_spans(words, choices) if o.end - o.start == 1]
        if (lit := _lit_gap(words, options, marks)) is not None:
            return lit, 0.9
        if len(options) >= 5:
            value, _ = marked_by_image(words, options, marks, boxes=False)
            if value is not None:
                return value, 0.9
        if len(words) >= len(choices) and max(marks.ring_mark(w.bbox) for w in words) < RING_NONE:
            return None, 0.9  # every entry read and none has a ring round it
        missing = _ringed_gap(words, options, marks)
        if missing is not None:
            return missing, 0.8
    return circled_refill(words), 0.7


def split_glued_row(words: Sequence[Word]) -> tuple[Word, ...]:
    """A refill row OCR read as one word (``□0□1□2□3□4□5PRN``) read as its entries.

    OCR's one box gives no entry's place exactly: each entry stands at the middle third of its
    letters' share of the word, narrow enough to leave the boxes drawn between the entries to
    the image, as on a row read word by word.
    """
    out: list[Word] = []
    for word in words:
        if _GLUED_ROW.fullmatch(word.text) is None:
            out.append(word)
            continue
        box = word.bbox
        step = box.width / len(word.text)
        for entry in re.finditer(r"PRN|[0-5]", word.text, re.IGNORECASE):
            share = (entry.end() - entry.start()) * step
            left = box.x0 + int(entry.start() * step + share / 3)
            place = BBox(left, box.y0, left + max(1, int(share / 3)), box.y1)
            out.append(replace(word, text=entry.group(), bbox=place))
    return tuple(out)


# Three or more of a refill row's entries run together with their boxes' glyphs.
_GLUED_ROW = re.compile(r"(?=.*[□☐])(?:[□☐]?(?:PRN|[0-5])){3,}", re.IGNORECASE)


def split_yes_no(words: tuple[Word, ...]) -> tuple[Word, ...]:
    """A question's "Y N" options OCR read as one word ("YN", "YesNo", "Yes·No") read as two.

    The boxes between them were taken for nothing: each option keeps its letters' width at
    its end of the word, a box between them standing in neither (or, the word too narrow
    for that, its share of the word).
    """
    out: list[Word] = []
    for word in words:
        glued = _GLUED_YES_NO.fullmatch(word.text)
        if glued is None:
            out.append(word)
            continue
        box = word.bbox
        first = box.x0 + int(len(glued.group(1)) * LETTER_SHARE * box.height)
        second = box.x1 - int(len(glued.group(2)) * LETTER_SHARE * box.height)
        if first >= second:
            cut = len(glued.group(1)) / len(word.text)
            first = second = int(box.x0 + cut * (box.x1 - box.x0))
        out.append(replace(word, text=glued.group(1), bbox=BBox(box.x0, box.y0, first, box.y1)))
        out.append(replace(word, text=glued.group(2), bbox=BBox(second, box.y0, box.x1, box.y1)))
    return tuple(out)


# A letter is about this share of its word's height wide.
LETTER_SHARE = 0.6


_GLUED_YES_NO = re.compile(r"(Y|Yes|γ)[·.]?(N|No)", re.IGNORECASE)  # (γ: a ticked box over "Y")


def statement_options(words: Sequence[Word]) -> list[Option] | None:
    """The two statements a sentence offers to mark, as printed: a verb and its negation.

    ``I have / do not have`` and ``I am / am not``; OCR's misreads of the verb's second
    printing count (``DO NOT IIAVE``), and so does a struck negation read as one word
    (``-DO-NOTHAVE``).
    """
    texts = [compact(w.text) for w in words]
    for index, text in enumerate(texts):
        glued = _GLUED_NEGATION.fullmatch(text)
        if glued is not None and glued.group(1):
            negated, verb = (index, index + 1), glued.group(1)
        elif text in ("dont", "doesnt", "donot") and index + 1 < len(texts):
            negated, verb = (index, index + 2), texts[index + 1]
        elif text == "not" and 1 <= index < len(texts) - 1 and texts[index - 1] in ("do", "does"):
            negated, verb = (index - 1, index + 2), texts[index + 1]
        elif text == "not" and index >= 1:
            negated, verb = (index - 1, index + 1), texts[index - 1]
        else:
            continue
        slack = max(1, round(STATEMENT_SLACK * len(verb)))
        for earlier in range(negated[0] - 1, -1, -1):
            if texts[earlier] and Levenshtein.distance(texts[earlier], verb) <= slack:
                return [
                    Option(words[earlier].text, earlier, earlier + 1),
                    Option(" ".join(w.text for w in words[negated[0] : negated[1]]), *negated),
                ]
        # (no statement before it: a word like a negation, "dentist", or a sentence's own)
    return None


# A negation OCR read as one word with its verb, struck through ("-DO-NOTHAVE", "denothave")
_GLUED_NEGATION = re.compile(r"d[a-z]{0,3}?(?:not|nt)([a-z]+)")


def read_statements(
    words: Sequence[Word], options: Sequence[Option], marks: PageMarks | None
) -> str | None:
    """Which of a sentence's two statements is marked: ``yes`` for the first, ``no`` for the other.

    The marked one is left unstruck, underlined or ringed (:func:`statement_options`).
    """
    if marks is None:
        return None
    kept = left_standing(words, options, marks) or underlined(words, options, marks)
    if kept is None:
        kept, _ = marked_by_image(words, options, marks, boxes=False)
    if kept is None:
        return None
    return "yes" if kept == options[0].choice else "no"


# A verb's two printings differ in at most this share of its letters (``have``, ``IIAVE``).
STATEMENT_SLACK = 0.4
