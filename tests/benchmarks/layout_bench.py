"""Layout benchmark: field accuracy per layout family, generic reader and learned layouts.

A script, not a test::

    .venv/bin/python -m tests.benchmarks.layout_bench [--per-family 3] [--seed 2026]
        [--families all] [--engine NAME] [--ocr-cache DIR] [--corpus DIR] [--keep DIR]
        [--given-type] [--by-field] [--skip-learned] [--skip-generic]
        [--forms-corpus DIR] [--per-form 4] [--untaught 2] [--failures FILE]

It generates ``per-family`` documents of each family and document type (or reads ``--corpus``,
a folder written by ``python -m tests.corpus.generate``) and prints field-level exact-match
accuracy per family and document type, printed and handwriting fonts apart, the held-out family
(kept out of the reader's tuning) in a table of its own, with how often the document type was
found (``--given-type`` passes it instead, to measure field reading alone):

(a) the generic reader: ``medreview extract`` (with ``--no-layouts`` when the command has it);
(b) learned layouts, on a corpus of its own (:func:`tests.corpus.generate.generate_forms`): per
    family and type one printed form (one style: labels, fonts, geometry, header) filled in
    ``1 + per-form`` times with other values, value fonts and scan conditions, and a second form
    filled in ``untaught`` times. The first form's first document is taught with
    ``medreview layouts learn SCAN VALUES.json --name NAME --database URL`` into one fresh
    store, and every other document of every family is read with ``extract --database URL``:
    the taught form's by its own layout (accuracy, and which layout read it: the ``layout``
    key), the untaught form's by no other family's layout. When the ``layouts`` command does
    not exist, it says so and prints no figures. ``--failures FILE`` writes each field of a
    taught form's copy read wrong as a JSON line (truth, value read, layout), to study them.

Both call :func:`medreview.cli.main` in this process with one worker, so ``--ocr-cache DIR``
(:mod:`tests.benchmarks.ocr_cache`) serves the OCR of a page read before: re-running re-parses
without re-reading.
"""

from __future__ import annotations

import argparse
import contextlib
import io
import json
import os
import secrets
import tempfile
import time
import traceback
from collections import defaultdict
from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import Any

import medreview.pipeline  # noqa: F401  (loaded before the OCR cache wraps its engines)
from medreview.cli import main as medreview_main
from medreview.config import PipelineConfig
from medreview.store import Store
from tests.benchmarks.ocr_cache import CacheStats, installed
from tests.corpus.families import FAMILIES, HELDOUT
from tests.corpus.generate import KINDS, Sample, generate_corpus, generate_forms, load_corpus

Tally = dict[str, list[int]]


def _csv(text: str) -> list[str]:
    return [part.strip() for part in text.split(",") if part.strip()]


def _families(text: str) -> list[str]:
    return list(FAMILIES) if text.strip() == "all" else _csv(text)


def run_cli(argv: Sequence[str]) -> tuple[int, str, str]:
    """``medreview ARGV`` in this process: exit code, standard output, standard error."""
    out, err = io.StringIO(), io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        try:
            code = medreview_main(list(argv))
        except SystemExit as exit_:  # argparse refusing the arguments
            code = exit_.code if isinstance(exit_.code, int) else 2
        except Exception:  # a command's bug: reported, and the benchmark goes on
            code = 1
            err.write(traceback.format_exc())
    return code, out.getvalue(), err.getvalue()


def extract_has(option: str) -> bool:
    """Whether ``medreview extract`` offers ``option``."""
    _, out, _ = run_cli(["extract", "--help"])
    return option in out


def layouts_learn_help() -> str | None:
    """``medreview layouts learn --help``, or ``None`` when there is no such command."""
    code, out, _ = run_cli(["layouts", "learn", "--help"])
    return out if code == 0 and "learn" in out else None


def extract(
    samples: Sequence[Sample], options: Sequence[str], *, given_type: bool = False
) -> list[dict[str, Any]]:
    """The ``extract`` JSON objects for ``samples``, in order (one worker, this process).

    ``given_type`` passes each document's type (``--type``), so classification is not measured.
    """
    if given_type:
        results: dict[Path, dict[str, Any]] = {}
        for kind in sorted({s.document_type for s in samples}):
            group = [s for s in samples if s.document_type == kind]
            for sample, result in zip(
                group, extract(group, [*options, "--type", kind]), strict=True
            ):
                results[sample.path] = result
        return [results[s.path] for s in samples]
    paths = [str(s.path) for s in samples]
    code, out, err = run_cli(["extract", *paths, "--workers", "1", *options])
    try:
        found: list[dict[str, Any]] = json.loads(out)
    except json.JSONDecodeError:
        raise SystemExit(f"extract failed with exit code {code}:\n{err[-2000:]}") from None
    return found


def same(expected: Any, actual: Any) -> bool:
    """Exact match of canonical values (numbers compared as numbers)."""
    if isinstance(expected, float | int) and not isinstance(expected, bool):
        try:
            return abs(float(expected) - float(actual)) < 1e-6
        except (TypeError, ValueError):
            return False
    return bool(expected == actual)


def values_of(result: dict[str, Any]) -> dict[str, Any]:
    """Field name to value of one ``extract`` object."""
    return {name: field.get("value") for name, field in (result.get("fields") or {}).items()}


class Scores:
    """Correct and total counts per row label."""

    def __init__(self) -> None:
        self.fields: dict[str, Tally] = defaultdict(lambda: defaultdict(lambda: [0, 0]))
        self.spurious: Tally = defaultdict(lambda: [0, 0])
        self.typed: Tally = defaultdict(lambda: [0, 0])
        self.failed: list[str] = []

    def add(self, sample: Sample, result: dict[str, Any]) -> None:
        truth = sample.fields
        found = values_of(result)
        if result.get("error"):
            self.failed.append(f"{sample.path.name}: {result['error'].get('code')}")
        fonts = "handwriting" if sample.handwriting else "printed"
        table = "heldout" if sample.family == HELDOUT else "tuned"
        rows = (
            f"{sample.family:<13} {sample.document_type:<16} {fonts}",
            f"{sample.family:<13} {'all':<16} {fonts}",
            f"{'ALL FAMILIES':<13} {'all':<16} {fonts}",
        )
        for name, expected in truth.items():
            ok = int(same(expected, found.get(name)))
            for row in rows[:2] if table == "heldout" else rows:
                self.fields[table][row][0] += ok
                self.fields[table][row][1] += 1
            self.fields["by field"][f"{sample.family:<13} {sample.document_type}.{name}"][0] += ok
            self.fields["by field"][f"{sample.family:<13} {sample.document_type}.{name}"][1] += 1
        shown = [n for n, v in found.items() if n not in truth and v not in (None, [], "")]
        key = f"{sample.family:<13} {sample.document_type}"
        self.spurious[key][0] += len(shown)
        self.spurious[key][1] += 1
        self.typed[key][0] += int(result.get("document_type") == sample.document_type)
        self.typed[key][1] += 1


def print_table(title: str, rows: Tally, *, share: bool = True) -> None:
    print(f"\n{title}")
    for key in sorted(rows):
        correct, total = rows[key]
        if share:
            percent = 100.0 * correct / total if total else 0.0
            print(f"  {key:<52} {percent:6.1f}%  ({correct}/{total})")
        else:
            print(f"  {key:<52} {correct} in {total} documents")


def print_scores(title: str, scores: Scores, *, by_field: bool) -> None:
    print(f"\n=== {title}")
    print_table("accuracy per family, document type and fonts", scores.fields["tuned"])
    if scores.fields["heldout"]:
        print_table(
            "held-out family (kept out of the reader's tuning), reported apart",
            scores.fields["heldout"],
        )
    print_table("document type found (a wrong type reads no field)", scores.typed)
    print_table("fields extracted that the document does not show", scores.spurious, share=False)
    if by_field:
        misses = {k: v for k, v in scores.fields["by field"].items() if v[0] < v[1]}
        print_table("fields missed, per family", misses)
    if scores.failed:
        print(f"\nfailed files: {scores.failed}")


def by_group(samples: Sequence[Sample]) -> dict[tuple[str, str], list[Sample]]:
    groups: dict[tuple[str, str], list[Sample]] = defaultdict(list)
    for sample in samples:
        groups[(sample.family, sample.document_type)].append(sample)
    return groups


def layout_name(family: str, document_type: str) -> str:
    return f"bench-{family}-{document_type}"


def learned_part(
    samples: Sequence[Sample],
    engine_options: Sequence[str],
    scratch: Path,
    *,
    by_field: bool,
    given_type: bool,
    failures: Path | None = None,
) -> None:
    """Teach each family's form from one document, read the rest, check who read what.

    ``samples`` come from :func:`tests.corpus.generate.generate_forms`: per family and type, form
    0's first document teaches, form 0's others are read by what it taught, and the documents of
    the other forms (taught nothing) must not be read by another family's layout.
    ``failures`` gets one JSON line per field of a taught form's copy read wrong (the
    synthetic truth and the value read, to study the misses).
    """
    print("\n=== (b) after learning each family's form from one document")
    learn_help = layouts_learn_help()
    if learn_help is None:
        print(
            "  could not run: this medreview has no `layouts learn` command yet, "
            "so there are no learned-layout figures"
        )
        return
    url = f"sqlite:///{scratch / 'layouts.db'}"
    # the scratch store is encrypted like any other: with a throw-away passphrase
    os.environ.setdefault("MEDREVIEW_KEY", secrets.token_hex(16))
    with Store.open(url) as store:  # an account to teach as
        store.create_first_supervisor("bench", secrets.token_hex(16))
    # teach with the engine that reads, when ``learn`` lets one be chosen
    learn_options = list(engine_options) if "--engine" in learn_help else []
    rest: list[Sample] = []
    taught: dict[str, str] = {}
    for (family, document_type), group in sorted(by_group(samples).items()):
        own_form = f"{family}-{document_type}-0"
        teacher = next((s for s in group if s.form == own_form), group[0])
        name = layout_name(family, document_type)
        start = time.perf_counter()
        code, _out, err = run_cli(
            [
                "layouts",
                "learn",
                str(teacher.path),
                str(teacher.truth_path),
                "--name",
                name,
                "--database",
                url,
                "--user",
                "bench",
                *learn_options,
            ]
        )
        if code != 0:
            print(
                f"  learning {name} from {teacher.path.name} failed ({code}): {err.strip()[-300:]}"
            )
            continue
        print(f"  taught {name} from {teacher.path.name} ({time.perf_counter() - start:.1f} s)")
        taught[name] = teacher.path.name
        rest.extend(s for s in group if s is not teacher)
    if not rest:
        print("  no documents left to read")
        return
    results = extract(rest, [*engine_options, "--database", url], given_type=given_type)
    scores, others = Scores(), Scores()
    readers: Tally = defaultdict(lambda: [0, 0])
    unlearned: Tally = defaultdict(lambda: [0, 0])
    wrong: list[str] = []
    for sample, result in zip(rest, results, strict=True):
        own = layout_name(sample.family, sample.document_type)
        read_by = result.get("layout")
        key = f"{sample.family:<13} {sample.document_type}"
        learned_form = sample.form.endswith("-0") or not sample.form
        if learned_form:
            scores.add(sample, result)
            readers[key][0] += int(read_by == own)
            readers[key][1] += 1
            if read_by != own:
                wrong.append(f"{sample.path.name} ({sample.form}) read by {read_by or 'generic'}")
        else:
            others.add(sample, result)
            unlearned[key][0] += int(read_by is None)
            unlearned[key][1] += 1
            if read_by not in (None, own):
                wrong.append(f"{sample.path.name} ({sample.form}, not taught) read by {read_by}")
    print_scores("(b) learned layouts: the rest of each taught form", scores, by_field=by_field)
    if failures is not None:
        write_failures(failures, rest, results)
    if extract_has("--no-layouts"):  # the same documents without layouts, to compare
        alone = Scores()
        taught_rest = [s for s in rest if s.form.endswith("-0") or not s.form]
        plain = extract(taught_rest, [*engine_options, "--no-layouts"], given_type=given_type)
        for sample, result in zip(taught_rest, plain, strict=True):
            alone.add(sample, result)
        print_table(
            "the same documents read by the generic reader alone",
            {k: v for k, v in alone.fields["tuned"].items() if " all " in k},
        )
    print_table("documents of a taught form read by its own learned layout", readers)
    if unlearned:
        print_scores("(b) documents of forms no layout was taught", others, by_field=by_field)
        print_table("documents of an untaught form left to the generic reader", unlearned)
    if wrong:
        print("\ndocuments not read by their own form's layout (generic, shipped or another):")
        for line in wrong:
            print(f"  {line}")
    else:
        print("\nevery taught form's document was read by its own layout, and no other")


def write_failures(
    path: Path, samples: Sequence[Sample], results: Sequence[dict[str, Any]]
) -> None:
    """One JSON line per field of a taught form's copy read wrong: truth, value, who read it."""
    with path.open("w", encoding="utf-8") as out:
        for sample, result in zip(samples, results, strict=True):
            if not (sample.form.endswith("-0") or not sample.form):
                continue
            found = values_of(result)
            for name, expected in sample.fields.items():
                if same(expected, found.get(name)):
                    continue
                field = (result.get("fields") or {}).get(name) or {}
                line = {
                    "document": sample.path.name,
                    "handwriting": sample.handwriting,
                    "layout": result.get("layout"),
                    "field": name,
                    "truth": expected,
                    "read": found.get(name),
                    "confidence": field.get("confidence"),
                    "second": field.get("second_reading"),
                }
                out.write(json.dumps(line) + "\n")
    print(f"\nfields read wrong written to {path}")


def corpus(args: argparse.Namespace, scratch: Path) -> tuple[list[Sample], Path]:
    if args.corpus:
        return load_corpus(args.corpus), args.corpus
    folder = args.keep or scratch / "corpus"
    count = args.per_family * len(args.families) * len(args.kinds)
    print(f"generating {count} documents into {folder} ...", flush=True)
    samples = generate_corpus(
        folder,
        count,
        seed=args.seed,
        kinds=args.kinds,
        families=args.families,
        handwriting_share=args.handwriting_share,
    )
    return samples, folder


def forms_corpus(args: argparse.Namespace, scratch: Path) -> list[Sample]:
    """Part (b)'s corpus: per family and type, a taught form and an untaught one."""
    if args.forms_corpus:
        return load_corpus(args.forms_corpus)
    folder = (args.keep / "forms") if args.keep else scratch / "forms"
    per_form = (1 + args.per_form, args.untaught)
    count = sum(per_form) * len(args.families) * len(args.kinds)
    print(f"generating {count} documents on shared forms into {folder} ...", flush=True)
    return generate_forms(
        folder,
        per_form,
        seed=args.seed,
        kinds=args.kinds,
        families=args.families,
        handwriting_share=args.handwriting_share,
    )


@contextlib.contextmanager
def ocr_cache(folder: Path | None) -> Iterator[CacheStats | None]:
    if folder is None:
        yield None
        return
    with installed(folder) as stats:
        yield stats


def main(argv: Sequence[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    parser.add_argument("--corpus", type=Path, help="an existing generated corpus folder")
    parser.add_argument("--keep", type=Path, help="write the generated corpus here (kept)")
    parser.add_argument("--per-family", type=int, default=3, help="documents per family and type")
    parser.add_argument("--seed", type=int, default=2026)
    parser.add_argument("--families", type=_families, default=list(FAMILIES), help="or all")
    parser.add_argument("--kinds", type=_csv, default=list(KINDS))
    parser.add_argument("--handwriting-share", type=float, default=0.5)
    parser.add_argument("--engine", default=PipelineConfig().engine, help="OCR engine")
    parser.add_argument("--ocr-cache", type=Path, help="folder of cached OCR answers")
    parser.add_argument("--skip-learned", action="store_true", help="only the generic reader")
    parser.add_argument("--skip-generic", action="store_true", help="only the learned layouts")
    parser.add_argument(
        "--forms-corpus", type=Path, help="part (b): an existing corpus of generate_forms"
    )
    parser.add_argument(
        "--per-form", type=int, default=4, help="part (b): documents read per taught form"
    )
    parser.add_argument(
        "--untaught", type=int, default=2, help="part (b): documents of an untaught form"
    )
    parser.add_argument("--by-field", action="store_true", help="also list missed fields")
    parser.add_argument(
        "--failures", type=Path, help="part (b): write each field read wrong here (JSON lines)"
    )
    parser.add_argument(
        "--given-type", action="store_true", help="pass each document's --type (no classifying)"
    )
    args = parser.parse_args(argv)

    with tempfile.TemporaryDirectory(prefix="medreview-layout-bench-") as name:
        scratch = Path(name)
        engine_options = ["--engine", args.engine]
        with ocr_cache(args.ocr_cache) as stats:
            if not args.skip_generic:
                generic_part(args, scratch, engine_options)
            if not args.skip_learned:
                samples = forms_corpus(args, scratch)
                describe("forms corpus", samples, args)
                learned_part(
                    samples,
                    engine_options,
                    scratch,
                    by_field=args.by_field,
                    given_type=args.given_type,
                    failures=args.failures,
                )
            if stats is not None:
                print(f"\nOCR cache {args.ocr_cache}: {stats.hits} hits, {stats.misses} misses")


def describe(what: str, samples: Sequence[Sample], args: argparse.Namespace) -> None:
    """One line saying what a corpus holds."""
    pages = sum(s.pages for s in samples)
    groups = by_group(samples)
    print(
        f"{what}: seed {args.seed if not args.corpus else 'as generated'}, "
        f"{len(samples)} documents, {pages} pages, "
        f"{sum(s.handwriting for s in samples)} in handwriting fonts; per family and type: "
        + ", ".join(f"{f}/{k} {len(g)}" for (f, k), g in sorted(groups.items())),
        flush=True,
    )


def generic_part(args: argparse.Namespace, scratch: Path, engine_options: list[str]) -> None:
    """Part (a): the generic reader over the varied forms of each family."""
    samples, folder = corpus(args, scratch)
    describe(f"corpus {folder}", samples, args)
    generic = list(engine_options)
    if extract_has("--no-layouts"):
        generic.append("--no-layouts")
        print("generic reader: extract --no-layouts")
    else:
        print("generic reader: extract (this medreview has no --no-layouts: no layouts exist)")
    start = time.perf_counter()
    results = extract(samples, generic, given_type=args.given_type)
    seconds = time.perf_counter() - start
    scores = Scores()
    for sample, result in zip(samples, results, strict=True):
        scores.add(sample, result)
    engine = next((r.get("engine") for r in results if r.get("engine")), args.engine)
    typed = " (document types given)" if args.given_type else ""
    pages = sum(s.pages for s in samples)
    print(f"engine {engine}; {seconds:.0f} s for {pages} pages{typed}", flush=True)
    print_scores("(a) generic reader", scores, by_field=args.by_field)


if __name__ == "__main__":
    main()
