"""Blanks: the short rules or pale strips a form draws for a value inside a line of words.

A form written as sentences ("My last name is ____ and my first name is ____.") or as a row of
several fields puts each value on a blank of its own, with printed words before and after it. The
words a label finds right of it then hold printed wording too: the joining word after the label
("is"), and the next clause with its own value. The blank itself says which words are the value:
those written on it. A blank begins after its label (a rule under the label too is a line of
ruled paper or a table's row, no blank of the label's own). Blanks side by side with nothing
but a comma between them hold one value in parts (street, city, country).

The words between blanks are the form's printed wording, so a label may begin anywhere among
them ("tall and I weigh ____"), not only where a column of the line begins; and a label may
close the blank before it ("I am ____ tall", :func:`blank_before`).
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import replace
from typing import TYPE_CHECKING

from medreview.model import BBox, Word
from medreview.parsing.layout import Line
from medreview.parsing.marks import PageMarks, Rule

if TYPE_CHECKING:  # (the page model finds its labels with :func:`printed_between`)
    from medreview.parsing.page import Anchor, Page

# How far a blank may lie under the bottom of the words written on it, and how far above it
# (a handwritten word's tail crosses it), in line heights.
BLANK_BELOW = 0.8
BLANK_ABOVE = 0.35
# How far past a blank's ends a word written on it may stand, in line heights.
BLANK_OVERHANG = 0.5
# A printed word's serifs make a line this far over its box's bottom and no further than this
# past its ends, in line heights.
BASELINE_SLACK = 0.1
SERIF_OVERHANG = 0.3
# A word this many line heights short of a blank's end still started on it (written on past it).
BLANK_CLEAR = 0.2
# At most this many printed words stand between a label and its blank ("is", "are", "on").
WORDING_BEFORE = 3
# A rule broken by no more than this many line heights, level within as many, runs on.
RULE_BREAK = 0.15


def blank_under(marks: PageMarks, word: Word, height: float) -> Rule | None:
    """The lying rule or shaded strip a word is written on, if one runs right under it."""
    box = word.bbox
    centre = (box.x0 + box.x1) / 2
    lines = _blank_lines(marks)
    under = [
        rule for rule in lines if written_on(rule, box, height) and not _baseline(rule, box, height)
    ]
    found = min(under, key=lambda r: abs(r.at(centre) - box.y1), default=None)
    return None if found is None else _joined(found, lines, RULE_BREAK * height)


def _joined(rule: Rule, lines: Sequence[Rule], reach: float) -> Rule:
    """A rule with the pieces of ``lines`` it runs on into across a hair's break, level with it.

    A photographed page's long rule climbs across it, and the line finder may break it into
    steps a few pixels apart along it and across it; a blank of its own stands clearly apart
    from the next. ``reach`` bounds both the break and the step.
    """
    start, end = rule.start, rule.end
    grown = True
    while grown:
        grown = False
        for other in lines:
            before = other.start < start and 0 <= start - other.end <= reach
            if before and abs(other.at(other.end) - rule.at(start)) <= reach:
                start, grown = other.start, True
            after = other.end > end and 0 <= other.start - end <= reach
            if after and abs(other.at(other.start) - rule.at(end)) <= reach:
                end, grown = other.end, True
    if (start, end) == (rule.start, rule.end):
        return rule
    return replace(rule, level=rule.at((start + end) / 2), start=start, end=end)


def written_on(rule: Rule, box: BBox, height: float) -> bool:
    """Whether a word's box stands on a lying rule: over its length, its foot near the rule."""
    centre = (box.x0 + box.x1) / 2
    slack = BLANK_OVERHANG * height
    below = rule.at(centre) - box.y1
    return rule.start - slack <= centre <= rule.end + slack and (
        -BLANK_ABOVE * height <= below <= BLANK_BELOW * height
    )


def drawn_rules(marks: PageMarks) -> tuple[Rule, ...]:
    """The lying rules drawn on a page, dark or pale."""
    return (*marks.rules()[0], *marks.pale_rules())


def _blank_lines(marks: PageMarks) -> tuple[Rule, ...]:
    """Every line a value may be written on: drawn rules, pale rules and pale strips."""
    return (*drawn_rules(marks), *marks.strips())


def _baseline(rule: Rule, box: BBox, height: float) -> bool:
    """Whether a "line" is a printed word's own baseline, its serifs run together.

    It lies inside the word's box and is no longer than the word; a handwritten word crossing
    its blank is shorter than the blank.
    """
    inside = rule.start >= box.x0 - SERIF_OVERHANG * height
    inside = inside and rule.end <= box.x1 + SERIF_OVERHANG * height
    return inside and rule.at((box.x0 + box.x1) / 2) < box.y1 - BASELINE_SLACK * height


def _wording(word: Word) -> bool:
    """A printed joining word between a label and its blank ("is", "are", "on", "at")."""
    text = word.text.strip(".,;:")
    return text.isalpha() and text.islower()


def on_blank(
    doc: Page, anchor: Anchor, words: tuple[Word, ...], *, parts: bool = False
) -> tuple[Word, ...]:
    """The words right of a label that are written on its blank, or ``words`` when none is drawn.

    The blank is the first rule under the words that begins past the label's end; the joining
    words before it are the label's wording, and what follows it is the next clause's. A value
    written in ``parts`` (an address) goes on over the blanks that only commas part from it.
    """
    if not words:
        return words
    marks = doc.marks.get(words[0].page)
    if marks is None:
        return words
    height = doc.lines[anchor.match.line].height
    label_end = max(w.bbox.x1 for w in anchor.words)
    for index, word in enumerate(words):
        rule = blank_under(marks, word, height)
        if rule is not None and rule.start >= label_end - BLANK_OVERHANG * height:
            break
        if index >= WORDING_BEFORE or not _wording(word):
            return words  # a value before any blank: the line draws none of its own for it
    else:
        return words
    slack = BLANK_OVERHANG * height
    line = doc.lines[anchor.match.line].words
    # the next part's blank may stand a column's gap away, past what the label's words reach
    ahead = list(words)
    if parts and words[-1] in line:
        ahead.extend(line[line.index(words[-1]) + 1 :])
    taken: list[Word] = []
    rest = ahead[index:]
    for position, word in enumerate(rest):
        centre = (word.bbox.x0 + word.bbox.x1) / 2
        if not rule.start - slack <= centre <= rule.end + slack:
            piece = blank_under(marks, word, height)
            if taken and piece is not None and _broken_under(taken[-1], rule, piece, height):
                rule = piece  # the same rule, broken under the last word's tails
                taken.append(word)
                continue
            joined = piece if parts else None
            if not parts or not any(c.isalnum() for c in word.text):
                pass
            elif (
                joined is not None
                and joined.start >= rule.end
                and word.bbox.x0 - taken[-1].bbox.x1 >= height  # (a rule broken under a word)
                and _punctuation_between(ahead, taken[-1], word)
                and not _fenced(marks, rule.end, joined.start, word)
            ):
                rule = joined  # the next part's blank, with nothing printed before it
                if not taken[-1].text.endswith(","):
                    taken[-1] = replace(taken[-1], text=f"{taken[-1].text},")  # (as written)
                taken.append(word)
                continue
            if parts and not any(c.isalnum() for c in word.text):
                continue  # the comma between two blanks of one value
            if word.bbox.x0 < rule.end - BLANK_CLEAR * height or not _clause_start(word):
                # written on past its blank's end, or no sentence goes on: the blank says
                # nothing of where the value ends
                return words[index:]
            break
        if (
            taken
            and word.text[:1].islower()
            and _begins_past(word, rule, height)
            and not _goes_on(rule, _next_blank(marks, rest[position + 1 :], height), height)
        ):
            break  # the wording printed right after the blank ("____ tall")
        taken.append(word)
    return tuple(taken)


def _broken_under(word: Word, rule: Rule, piece: Rule, height: float) -> bool:
    """Whether a rule goes on as ``piece`` after a break under ``word`` (its tails hid it)."""
    return (
        abs(piece.level - rule.level) <= BLANK_ABOVE * height
        and word.bbox.x1 > rule.end
        and 0 <= piece.start - rule.end <= BROKEN_RULE * height
    )


# A rule broken under a word's tails breaks for at most this many line heights.
BROKEN_RULE = 1.5


def _next_blank(marks: PageMarks, later: Sequence[Word], height: float) -> Rule | None:
    """The blank the next word is written on, if any."""
    return blank_under(marks, later[0], height) if later else None


def _goes_on(rule: Rule, following: Rule | None, height: float) -> bool:
    """Whether the next word is written on a line at a rule's level.

    Then the rule was broken by a word's tails and the value goes on along it ("needed for
    pain" on ruled directions): the word is no wording printed after a blank.
    """
    return following is not None and abs(following.level - rule.level) <= BLANK_ABOVE * height


def _begins_past(word: Word, rule: Rule, height: float) -> bool:
    """Whether a word begins at or past a blank's end: printed after it, not written on it."""
    return word.bbox.x0 >= rule.end - BLANK_CLEAR * height


def _clause_start(word: Word) -> bool:
    """Whether a word goes on with a printed sentence: a mark, or a word in small letters."""
    return not word.text[:1].isalnum() or word.text[:1].islower()


def _fenced(marks: PageMarks, left: float, right: float, word: Word) -> bool:
    """Whether an upright line stands between two blanks: a table's cells, not a sentence's."""
    middle = (word.bbox.y0 + word.bbox.y1) / 2
    return any(
        r.start <= middle <= r.end and left <= r.at(middle) <= right for r in marks.rules()[1]
    )


def _punctuation_between(words: Sequence[Word], before: Word, after: Word) -> bool:
    """Whether only marks (a comma) stand between two words of ``words``."""
    first, last = words.index(before), words.index(after)
    return all(not any(c.isalnum() for c in w.text) for w in words[first + 1 : last])


def printed_between(lines: Sequence[Line], marks: Mapping[int, PageMarks]) -> dict[int, set[int]]:
    """Per line, the words printed between blanks and on none: a sentence's next clause."""
    found: dict[int, set[int]] = {}
    for index, line in enumerate(lines):
        page = marks.get(line.page)
        if page is None or len(line.words) < 2:
            continue
        on, after, rules = _on_inline_blanks(page, line)
        # where the line's blanks are: under a word written on one, or just before the word
        # printed after one (an empty blank, or one whose value ends short of its end)
        places = [float(i) for i, written in enumerate(on) if written]
        places += [i - 0.5 for i, printed in enumerate(after) if printed]
        if len(places) < 2:
            continue
        first, last = min(places), max(places)
        if first == 0:
            continue  # a sentence opens with its wording; a shaded cell round a label does not
        # a word over a blank's middle is written on it, though its tail hid the rule
        # under it ("for" on a ruled line of directions): printed wording stands between
        spans = [
            (rule.start, rule.end)
            for rule, written in zip(rules, on, strict=True)
            if written and rule is not None
        ]
        printed = {
            i
            for i, word in enumerate(line.words)
            if first < i < last
            and not on[i]
            and not any(a <= (word.bbox.x0 + word.bbox.x1) / 2 <= b for a, b in spans)
        }
        if printed:
            found[index] = printed
    return found


def blank_before(doc: Page, anchor: Anchor) -> tuple[Word, ...]:
    """The words written on the blank that ends just before a label ("I am ____ tall")."""
    line = doc.lines[anchor.match.line]
    marks = doc.marks.get(line.page)
    if marks is None or anchor.match.start == 0:
        return ()
    before = line.words[: anchor.match.start]
    rule = blank_under(marks, before[-1], line.height)
    label_start = anchor.words[0].bbox.x0
    if rule is None or rule.end > label_start + BLANK_OVERHANG * line.height:
        return ()  # no blank, or one running on under the label: ruled paper
    slack = BLANK_OVERHANG * line.height
    taken = [
        w
        for w in reversed(before)
        if rule.start - slack <= (w.bbox.x0 + w.bbox.x1) / 2 <= rule.end + slack
    ]
    return tuple(reversed(taken))


def _on_inline_blanks(
    marks: PageMarks, line: Line
) -> tuple[list[bool], list[bool], list[Rule | None]]:
    """Per word of a line: whether it is written on a blank, printed after one, and its blank.

    A word is written on a blank begun after the word before it: a sentence's blank begins
    past its wording, and a box or a rule runs under printed words too. A word in small
    letters begun at a blank's end is the wording after it ("____ tall").
    """
    rules = [blank_under(marks, w, line.height) for w in line.words]
    on = [False] * len(rules)
    after = _after_empty_blank(marks, line)
    for index, rule in enumerate(rules):
        if rule is None:
            continue
        word = line.words[index]
        if (
            index
            and word.text[:1].islower()
            and _begins_past(word, rule, line.height)
            and not _goes_on(
                rule, rules[index + 1] if index + 1 < len(rules) else None, line.height
            )
        ):
            after[index] = True
            continue
        first = index
        while first > 0 and _same_blank(rules[first - 1], rule, line.height):
            first -= 1
        before = line.words[first - 1].bbox.x1 if first > 0 else float("-inf")
        on[index] = rule.start >= before - BLANK_OVERHANG * line.height
    return on, after, rules


def _after_empty_blank(marks: PageMarks, line: Line) -> list[bool]:
    """Per word of a line, whether a blank with nothing written on it ends just before it.

    An unanswered question ("I am ____ tall") leaves its blank bare between two printed words.
    """
    height = line.height
    blanks = _blank_lines(marks)
    found = [False] * len(line.words)
    for index in range(1, len(line.words)):
        left, right = line.words[index - 1].bbox, line.words[index].bbox
        if right.x0 - left.x1 < EMPTY_BLANK * height:
            continue
        middle = (left.x1 + right.x0) / 2
        bottom = (left.y1 + right.y1) / 2
        found[index] = any(
            rule.start >= left.x1 - BLANK_OVERHANG * height
            and rule.end <= right.x0 + BLANK_OVERHANG * height
            and rule.end - rule.start >= EMPTY_BLANK * height
            and rule.start <= middle <= rule.end
            and -BLANK_ABOVE * height <= rule.at(middle) - bottom <= BLANK_BELOW * height
            for rule in blanks
        )
    return found


# A blank left empty is at least this many line heights long.
EMPTY_BLANK = 2.0


def _same_blank(one: Rule | None, other: Rule, height: float) -> bool:
    """Whether two lines found under neighbouring words are one drawn blank.

    A blank may be found twice: as a dark rule and as a pale one, or as a rule and a strip.
    """
    if one is None:
        return False
    level = abs(one.level - other.level) <= BLANK_ABOVE * height
    return level and one.start < other.end and other.start < one.end
