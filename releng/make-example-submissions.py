#!/usr/bin/env python3
"""Builds the derived example submissions in examples/submissions/ as .zip files.

Each zip is a student source tree (src/<package>/<Class>.java) assembled from the course's own
sources by a recipe, which is stored in the zip as RECIPE so a test can check the zip is current:
  stubs <id|*>        the untouched stubs of exercises/<id>/src
  solution <id|*>     the reference solution in student form: the stubs exercises/<id>/src (the given
                      classes live only there) with exercises/solutions/<id>/src laid over them
  loop-style *        every exercise's correct-but-different loop-style solution:
                      exercises/solutions/<id>/loop-style/loop-style.diff applied like a variant's diff
  variant <id> <name> a known-wrong variant: exercises/solutions/<id>/variants/<name>/variant.diff
                      applied (strictly, by GNU patch) to the files laid so far, i.e. its solution
Later lines replace (a diff: patch) the files of earlier ones. Zips are deterministic (sorted, fixed timestamps).
Run from anywhere: /usr/bin/python3 releng/make-example-submissions.py
"""
import pathlib
import subprocess
import tempfile
import zipfile

ROOT = pathlib.Path(__file__).resolve().parent.parent
OUT = ROOT / "examples" / "submissions"

RECIPES = {
    "reference-solution": ["solution *"],
    "loop-style": ["solution *", "loop-style *"],
    "untouched-stubs": ["stubs *"],
    "buggy-softmax-and-adam": ["solution *", "variant 03-activations softmax-no-max-shift",
                               "variant 06-optimizers adam-no-bias-correction"],
    "buggy-halfway": ["stubs *", "solution 01-autodiff", "solution 03-activations", "solution 04-losses",
                      "solution 05-fully-connected", "variant 03-activations relu-mask-ge",
                      "variant 04-losses mse-grad-missing-2", "variant 05-fully-connected bias-grad-not-summed"],
    "buggy-batchnorm-and-bptt": ["solution *", "variant 10-regularization batchnorm-backward-no-mean-terms",
                                 "variant 11-recurrent rnn-bptt-no-hidden-carry"],
    "buggy-conv-and-pooling": ["solution *", "variant 07-convolution conv-input-grad-flipped-kernel",
                               "variant 08-pooling maxpool-overlap-overwrites"],
}


def layer_dirs(line):
    """The folders whose .java files one recipe line contributes, relative paths kept below them."""
    words = line.split()
    kind, rest = words[0], words[1:]
    if kind == "stubs":
        ids = sorted(p.name for p in (ROOT / "exercises").iterdir() if (p / "src").is_dir()) if rest[0] == "*" else rest
        return [ROOT / "exercises" / i / "src" for i in ids]
    solutions = ROOT / "exercises" / "solutions"
    if kind == "solution":
        ids = sorted(p.name for p in solutions.iterdir() if (p / "src").is_dir()) if rest[0] == "*" else rest
        return [d for i in ids for d in (ROOT / "exercises" / i / "src", solutions / i / "src")]
    if kind == "loop-style":
        return sorted(p / "loop-style" for p in solutions.iterdir() if (p / "loop-style").is_dir())
    if kind == "variant":
        return [solutions / rest[0] / "variants" / rest[1]]
    raise SystemExit(f"unknown recipe line: {line}")


def assemble(recipe):
    files = {}
    for line in recipe:
        for d in layer_dirs(line):
            if not d.is_dir():
                raise SystemExit(f"recipe line '{line}': {d} does not exist")
            for f in sorted(d.rglob("*.java")):
                files["src/" + f.relative_to(d).as_posix()] = f.read_bytes()
            for diff in (d / "variant.diff", d / "loop-style.diff"):
                if diff.is_file():
                    apply_diff(diff, files)
    return files


def apply_diff(diff, files):
    """Patches the assembled files with a variant's or loop-style diff (paths relative to src/); no fuzz, no offsets."""
    text = diff.read_bytes()
    paths = [l[6:].split(b"\t")[0].decode() for l in text.splitlines() if l.startswith(b"+++ b/")]
    with tempfile.TemporaryDirectory() as tmp:
        tmp = pathlib.Path(tmp)
        for p in paths:
            if "src/" + p in files:
                (tmp / p).parent.mkdir(parents=True, exist_ok=True)
                (tmp / p).write_bytes(files["src/" + p])
        r = subprocess.run(["patch", "-p1", "--fuzz=0", "--force", "--no-backup-if-mismatch", "-d", str(tmp)],
                           input=text, capture_output=True)
        if r.returncode != 0 or b"offset" in r.stdout:  # a hunk that moved no longer fits where it was written
            raise SystemExit(f"{diff} does not apply:\n{r.stdout.decode()}{r.stderr.decode()}")
        for p in paths:
            files["src/" + p] = (tmp / p).read_bytes()


def write_zip(path, files, recipe):
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as z:
        for name in ["RECIPE", *sorted(files)]:
            info = zipfile.ZipInfo(name, date_time=(2026, 1, 1, 0, 0, 0))
            info.compress_type = zipfile.ZIP_DEFLATED
            z.writestr(info, ("\n".join(recipe) + "\n").encode() if name == "RECIPE" else files[name])


if __name__ == "__main__":
    OUT.mkdir(parents=True, exist_ok=True)
    for name, recipe in RECIPES.items():
        files = assemble(recipe)
        write_zip(OUT / f"{name}.zip", files, recipe)
        print(f"{name}.zip: {len(files)} files")
